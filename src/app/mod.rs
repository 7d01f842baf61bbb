//! The eframe glue: one frame draws the panels and dialogs from the [`Workspace`] and the
//! [`ViewState`], collects the [`Action`]s they return, and hands them to
//! [`Workspace::apply`]; then it carries out the [`Effect`]s that came back (close the
//! window, show a meeting, start the views afresh).

pub mod first_frame;
mod frame_log;

use std::path::PathBuf;
use std::time::Instant;

pub use crate::ui::style::install_fonts;

use crate::model::Project;
use crate::ui::{self, ViewState};
use crate::workspace::recovery::Recovery;
use crate::workspace::{
    Action, Command, Effect, FileDialogs, NativeDialogs, PendingEdit, Scope, Settings, Workspace,
};
use frame_log::FrameLog;

/// Key of the settings in eframe's storage.
pub const STORAGE_KEY: &str = "delegation-planner-settings";

/// The Delegation Planner application.
pub struct DelegationApp {
    /// The document, settings, dialogs and jobs: everything but the drawing.
    pub workspace: Workspace,
    /// Which view is shown and what is selected in it.
    pub view: ViewState,
    /// The command palette (Ctrl+Shift+P).
    palette: ui::palette_ui::Palette,
    last_title: String,
    last_focus: Option<egui::Id>,
    applied_theme: Option<bool>,
    /// Frames that take too long are logged, with what they were doing.
    frame_log: FrameLog,
}

impl DelegationApp {
    /// The app as eframe creates it: settings from storage, fonts, then the file given on
    /// the command line, the last file, or (first run) a copy of the embedded sample.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, STORAGE_KEY))
            .unwrap_or_default();
        let mut app = Self::with_recovery(
            &cc.egui_ctx,
            settings,
            file,
            Box::new(NativeDialogs::default()),
            Recovery::platform(),
        );
        // The versions saved and opened, kept for merging copies that come back.
        app.workspace
            .set_version_store(crate::merge::VersionStore::platform());
        app
    }

    /// The app with explicit settings and dialogs (tests pass stand-ins for both), and no
    /// recovery copies.
    pub fn with_settings(
        ctx: &egui::Context,
        settings: Settings,
        file: Option<PathBuf>,
        dialogs: Box<dyn FileDialogs>,
    ) -> Self {
        Self::with_recovery(ctx, settings, file, dialogs, Recovery::off())
    }

    /// The app with explicit settings, dialogs and recovery folder. Recovery copies left
    /// by an earlier session are offered, newest first, once the file is open.
    pub fn with_recovery(
        ctx: &egui::Context,
        settings: Settings,
        file: Option<PathBuf>,
        dialogs: Box<dyn FileDialogs>,
        recovery: Recovery,
    ) -> Self {
        Self::with_workspace(ctx, Workspace::new(settings, file, dialogs, recovery))
    }

    /// The app on a project held in memory, shown as an unsaved document called `name`,
    /// with no file dialogs and no recovery copies (benchmarks and tests).
    pub fn with_project(ctx: &egui::Context, project: Project, name: &str) -> Self {
        Self::with_workspace(ctx, Workspace::with_project(project, name))
    }

    fn with_workspace(ctx: &egui::Context, mut workspace: Workspace) -> Self {
        install_fonts(ctx);
        ui::style::install_text_styles(ctx);
        // Zoom is a command of ours (in the View menu, with its shortcuts), not egui's own.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        // The views start fresh on whatever the workspace opened.
        let _ = workspace.take_effects();
        Self {
            workspace,
            view: ViewState::default(),
            palette: ui::palette_ui::Palette::default(),
            last_title: String::new(),
            last_focus: None,
            applied_theme: None,
            frame_log: FrameLog::default(),
        }
    }

    /// Whether any background work runs: the workspace's jobs or a list being built (tests
    /// step frames until none does).
    pub fn is_busy(&self) -> bool {
        self.workspace.is_busy() || self.view.is_busy()
    }

    /// One frame of the whole app; [`eframe::App::ui`] calls it, and so can tests.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let started = Instant::now();
        let ctx = ui.ctx().clone();
        self.frame_log.start();
        if self.applied_theme != Some(self.workspace.settings.dark) {
            ctx.set_theme(if self.workspace.settings.dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            self.applied_theme = Some(self.workspace.settings.dark);
        }

        // The date fields read "today" and mark it in their calendars.
        ui::widgets::set_today(&ctx, self.workspace.today);

        // A typing burst ends when focus moves elsewhere.
        let focus = ctx.memory(|m| m.focused());
        if focus != self.last_focus {
            self.workspace.seal();
            self.last_focus = focus;
        }

        // What finished in the background comes in before anything is drawn.
        let focused = ctx.input(|i| i.viewport().focused);
        let wake = self.workspace.poll(focused, Instant::now());
        self.frame_log.note_jobs(&self.workspace);
        self.carry_out_effects(&ctx);
        self.frame_log.step("taking in jobs");

        let mut commands = if self.workspace.dialog.is_none() && !self.palette.is_open() {
            ui::commands_ui::consume_shortcuts(&ctx)
        } else {
            Vec::new()
        };
        let mut actions = Vec::new();
        ui::menu_ui::menu_bar_ui(ui, &self.workspace, &self.view, &mut commands, &mut actions);
        match ui::status_ui::status_bar_ui(ui, &self.workspace) {
            Some(ui::status_ui::StatusClick::Command(command)) => commands.push(command),
            Some(ui::status_ui::StatusClick::OpenFolder(folder)) => {
                actions.push(Action::Request(crate::workspace::Request::OpenFolder(
                    folder,
                )));
            }
            None => {}
        }

        if let Some(opening) = self.workspace.opening_job() {
            // The document is about to be replaced: no edits, saves or other opens now.
            commands.retain(|c| !c.changes_document());
            actions.clear();
            egui::CentralPanel::default().show(ui, |ui| {
                ui::status_ui::opening_ui(ui, self.workspace.tr(), &opening);
            });
        } else {
            let mut edits = Vec::new();
            ui::nav_ui::nav_ui(
                ui,
                self.workspace.language(),
                self.workspace.doc.project(),
                &mut self.view,
            );
            egui::CentralPanel::default().show(ui, |ui| {
                let doc = &self.workspace.doc;
                let mut cx = ui::Cx {
                    document: doc,
                    project: doc.project(),
                    language: self.workspace.language(),
                    revision: doc.revision(),
                    edits: &mut edits,
                    today: self.workspace.today,
                };
                ui::view_ui(ui, &mut cx, &mut self.view);
            });
            self.frame_log.note("view", self.view.view_name());
            // Panels' edits first, as they were made; then what they asked for.
            actions.splice(0..0, edits.into_iter().map(|e| Action::Edit(Box::new(e))));
            if let Some(request) = self.view.request.take() {
                actions.push(Action::Request(request));
            }
        }

        self.frame_log.step("drawing");
        // The dialog on top reads the workspace and answers with an outcome.
        let mut dialog = self.workspace.dialog.take();
        let outcome = dialog
            .as_mut()
            .and_then(|d| ui::dialogs_ui::dialog_ui(&ctx, d, &self.workspace));
        self.workspace.dialog = dialog;
        actions.extend(outcome.map(Action::Dialog));

        if let Some(command) =
            ui::palette_ui::palette_ui(&ctx, &mut self.palette, &self.workspace, &self.view)
        {
            commands.push(command);
        }

        for command in commands {
            match command.scope() {
                Scope::Workspace => actions.push(Action::Command(command)),
                Scope::View => actions.extend(ui::commands_ui::view_command(
                    &ctx,
                    command,
                    &mut self.view,
                    &mut self.palette,
                )),
            }
        }
        if ctx.input(|i| i.viewport().close_requested()) {
            actions.push(Action::CloseRequested);
        }

        self.frame_log.step("dialogs");
        for action in actions {
            self.frame_log.note_action(&action);
            self.workspace.apply(action);
        }
        self.carry_out_effects(&ctx);
        self.frame_log.step("applying");

        let title = self.workspace.window_title();
        if title != self.last_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
        if let Some(after) = wake {
            ctx.request_repaint_after(after);
        }
        self.frame_log.finish(started.elapsed());
    }

    /// Carries out what the workspace asked of the UI.
    fn carry_out_effects(&mut self, ctx: &egui::Context) {
        for effect in self.workspace.take_effects() {
            match effect {
                Effect::DocumentReplaced => self.view = ViewState::default(),
                Effect::ShowMeeting(id) => {
                    self.view.view = ui::View::Meetings;
                    self.view.meeting = Some(id);
                    self.view.agenda_item = None;
                }
                Effect::CloseWindow => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
                Effect::CancelClose => ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose),
            }
        }
    }

    /// Applies an edit through the workspace's one apply point, as a panel would.
    pub fn apply_edit(&mut self, edit: crate::document::Edit) {
        self.workspace
            .apply(Action::Edit(Box::new(PendingEdit::step(edit))));
    }

    /// Runs a command, as from its menu entry or shortcut (tests and the palette).
    pub fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        match command.scope() {
            Scope::Workspace => self.workspace.apply(Action::Command(command)),
            Scope::View => {
                if let Some(action) =
                    ui::commands_ui::view_command(ctx, command, &mut self.view, &mut self.palette)
                {
                    self.workspace.apply(action);
                }
            }
        }
        self.carry_out_effects(ctx);
    }
}

impl eframe::App for DelegationApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.workspace.on_exit();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.workspace.settings_to_store());
    }
}
