//! The app's own file browser, shown when the system has no file dialog (no XDG desktop
//! portal, no zenity): folders and the files of the kind asked for, recent folders, the
//! home folder, and the file's path, which can also be typed. A file name typed alone
//! lands in the folder shown, never in the process's working folder.

use std::path::{Path, PathBuf};

use super::dialogs_ui::dismissed_or;
use super::style::{self, space};
use crate::workspace::{DialogOutcome, PathPurpose, Said, Workspace};

/// One entry of a folder.
#[derive(Clone, Debug)]
struct Entry {
    name: String,
    folder: bool,
}

/// A folder's listing, kept while the folder is shown (read again when it changes).
#[derive(Clone, Debug, Default)]
struct Listing {
    folder: PathBuf,
    entries: Option<Vec<Entry>>,
}

/// The extensions the browser lists for `purpose`.
fn extensions(purpose: &PathPurpose) -> Vec<String> {
    let project: &[&str] = &[crate::project_file::EXTENSION];
    let kinds: &[&[&str]] = match purpose {
        // Open also takes a list or a programme, and offers its import.
        PathPurpose::Open => &[project, crate::workspace::CSV_FILES.extensions],
        PathPurpose::Save(_) | PathPurpose::Merge => &[project],
        PathPurpose::Export(setup) => return vec![setup.request.extension().to_owned()],
        PathPurpose::Programme { .. } => &[crate::workspace::dialog::PROGRAMME_FILES.extensions],
        PathPurpose::List(_) => &[crate::workspace::CSV_FILES.extensions],
    };
    kinds
        .iter()
        .flat_map(|k| k.iter())
        .map(|e| (*e).to_owned())
        .collect()
}

/// Folders first, then the files of the kind asked for, each sorted by name without case;
/// hidden entries left out. `None` when the folder cannot be read.
fn read_folder(folder: &Path, extensions: &[String]) -> Option<Vec<Entry>> {
    let mut entries: Vec<Entry> = std::fs::read_dir(folder)
        .ok()?
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                return None;
            }
            let folder = e.path().is_dir();
            let wanted = folder
                || e.path().extension().is_some_and(|x| {
                    extensions
                        .iter()
                        .any(|w| x.to_string_lossy().eq_ignore_ascii_case(w))
                });
            wanted.then_some(Entry { name, folder })
        })
        .collect();
    entries.sort_by_key(|e| (!e.folder, e.name.to_lowercase()));
    Some(entries)
}

/// The folder a path being typed is in: itself when it is a folder, else its parent; a
/// relative one is taken in `base`.
fn folder_of(text: &str, base: &Path) -> PathBuf {
    let path = PathBuf::from(text.trim());
    let path = if path.is_absolute() {
        path
    } else {
        base.join(path)
    };
    if path.is_dir() {
        path
    } else {
        path.parent().map(Path::to_owned).unwrap_or(path)
    }
}

/// The browser in place of the system's dialog; `text` is the chosen file's path.
pub fn file_browser_dialog_ui(
    ctx: &egui::Context,
    workspace: &Workspace,
    purpose: &PathPurpose,
    reason: &Said,
    text: &mut String,
) -> Option<DialogOutcome> {
    let t = workspace.tr();
    let base = workspace.default_folder();
    let mut outcome = None;
    let modal = egui::Modal::new(egui::Id::unique("file_browser")).show(ctx, |ui| {
        ui.set_width(style::DIALOG_BROWSER_WIDTH);
        let opening = matches!(
            purpose,
            PathPurpose::Open
                | PathPurpose::Merge
                | PathPurpose::Programme { .. }
                | PathPurpose::List(_)
        );
        ui.heading(if opening {
            t.browse_title_open
        } else {
            t.browse_title_save
        });
        ui.add_space(space::XS);
        let reason = reason.text(workspace.language());
        ui.label(egui::RichText::new(reason).color(style::weak_color(ui)));
        ui.add_space(space::S);

        let folder = folder_of(text, &base);
        let file = PathBuf::from(text.trim())
            .file_name()
            .filter(|_| !PathBuf::from(text.trim()).is_dir())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut go_to: Option<PathBuf> = None;
        ui.horizontal(|ui| {
            ui.label(t.browse_folder);
            if ui
                .add_enabled(
                    folder.parent().is_some(),
                    egui::Button::new(format!("↑ {}", t.browse_up)),
                )
                .on_hover_text(t.browse_up_tip)
                .clicked()
            {
                go_to = folder.parent().map(Path::to_owned);
            }
            if let Some(home) = directories::UserDirs::new().map(|u| u.home_dir().to_owned())
                && ui.button(t.browse_home).clicked()
            {
                go_to = Some(home);
            }
            let recent = &workspace.settings.recent_folders;
            egui::ComboBox::from_id_salt("browser_recent")
                .selected_text(t.browse_recent)
                .width(style::COMBO_WIDE_WIDTH)
                .show_ui(ui, |ui| {
                    for dir in recent {
                        if ui.button(dir.display().to_string()).clicked() {
                            go_to = Some(dir.clone());
                        }
                    }
                })
                .response
                .accessible_name(t.browse_recent);
        });
        ui.label(egui::RichText::new(folder.display().to_string()).strong());
        ui.add_space(space::XS);

        let listing_id = egui::Id::unique("file_browser_listing");
        let mut listing: Listing = ui.data(|d| d.get_temp(listing_id)).unwrap_or_default();
        if listing.folder != folder {
            listing = Listing {
                entries: read_folder(&folder, &extensions(purpose)),
                folder: folder.clone(),
            };
        }
        egui::Frame::group(ui.style()).show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("file_browser_entries")
                .auto_shrink([false, false])
                .max_height(style::DIALOG_LIST_HEIGHT)
                .show(ui, |ui| match &listing.entries {
                    None => {
                        ui.label(
                            egui::RichText::new(t.browse_unreadable)
                                .color(style::warning_color(ui)),
                        );
                    }
                    Some(entries) if entries.is_empty() => {
                        ui.label(egui::RichText::new(t.browse_empty).color(style::weak_color(ui)));
                    }
                    Some(entries) => {
                        for entry in entries {
                            let label = if entry.folder {
                                // A folder ends with the separator, as in the path field
                                // (the folder emoji is in none of the app's fonts).
                                format!("{}{}", entry.name, std::path::MAIN_SEPARATOR)
                            } else {
                                entry.name.clone()
                            };
                            let chosen = !entry.folder && entry.name == file;
                            let response = ui.selectable_label(chosen, label);
                            if response.clicked() || response.double_clicked() {
                                let path = folder.join(&entry.name);
                                if entry.folder {
                                    go_to = Some(path);
                                } else {
                                    *text = path.display().to_string();
                                    if response.double_clicked() {
                                        outcome = Some(DialogOutcome::PathTyped {
                                            purpose: purpose.clone(),
                                            path,
                                        });
                                    }
                                }
                            }
                        }
                    }
                });
        });
        ui.data_mut(|d| d.insert_temp(listing_id, listing));
        if let Some(dir) = go_to {
            // Keep the file name typed so far when moving between folders.
            *text = dir.join(&file).display().to_string();
            if file.is_empty() {
                *text = format!("{}{}", dir.display(), std::path::MAIN_SEPARATOR);
            }
        }

        ui.add_space(space::S);
        let label = ui.label(t.dlg_file);
        ui.add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if !PathBuf::from(text.trim()).is_absolute() && !text.trim().is_empty() {
            ui.label(egui::RichText::new(t.browse_relative).color(style::weak_color(ui)));
        }
        let path = PathBuf::from(text.trim());
        let path = if path.is_absolute() {
            path
        } else {
            base.join(path)
        };
        if !opening && path.is_file() {
            // An export keeps no previous version: say only what happens.
            let warning = match purpose {
                PathPurpose::Export(_) => t.dlg_path_exists_export,
                PathPurpose::Open
                | PathPurpose::Save(_)
                | PathPurpose::Merge
                | PathPurpose::Programme { .. }
                | PathPurpose::List(_) => t.dlg_path_exists,
            };
            ui.colored_label(style::warning_color(ui), warning);
        }
        ui.add_space(space::L);
        ui.horizontal(|ui| {
            let action = if opening {
                t.dlg_path_open
            } else {
                t.dlg_path_save
            };
            let filled = !text.trim().is_empty() && !path.is_dir();
            // Enter in the path field, or anywhere in the dialog, takes the path.
            if super::widgets::default_button(ui, t, action, None, filled) {
                outcome = Some(DialogOutcome::PathTyped {
                    purpose: purpose.clone(),
                    path: path.clone(),
                });
            }
            if ui.button(t.dlg_cancel).clicked() {
                outcome = Some(DialogOutcome::Dismiss);
            }
        });
    });
    dismissed_or(modal.should_close(), outcome)
}
