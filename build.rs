//! Windows only: compiles the app icon and the version information into the .exe, so that
//! Explorer, the task bar and the file's Properties › Details show them. Other targets
//! build nothing here.
//!
//! Cross-building from Linux needs mingw-w64's `windres` (Debian:
//! `gcc-mingw-w64-x86-64`, which `scripts/package.sh` and `.ci/run` install); building on
//! Windows with MSVC uses the SDK's `rc.exe`.

use std::fmt::Write as _;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icon/delegation-planner.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    if let Err(err) = windows_resources() {
        eprintln!(
            "Could not compile the Windows resources (icon, version information): {err}\n\
             To cross-build from Linux, install mingw-w64's windres: \
             sudo apt-get install gcc-mingw-w64-x86-64"
        );
        std::process::exit(1);
    }
}

/// Writes `delegation-planner.rc` into `OUT_DIR` and has `embed-resource` compile and link
/// it into the `delegation-planner` binary (not into tests, benches or examples).
fn windows_resources() -> Result<(), String> {
    let env = |name: &str| std::env::var(name).map_err(|err| format!("{name}: {err}"));
    let manifest_dir = env("CARGO_MANIFEST_DIR")?;
    let out_dir = env("OUT_DIR")?;
    let version = env("CARGO_PKG_VERSION")?;
    let numeric = |name: &str| -> Result<u16, String> {
        env(name)?
            .parse()
            .map_err(|err| format!("{name} is not a number: {err}"))
    };
    let (major, minor, patch) = (
        numeric("CARGO_PKG_VERSION_MAJOR")?,
        numeric("CARGO_PKG_VERSION_MINOR")?,
        numeric("CARGO_PKG_VERSION_PATCH")?,
    );
    let icon = std::path::Path::new(&manifest_dir).join("assets/icon/delegation-planner.ico");
    // A string in a .rc file is C-like: backslashes (Windows paths) and quotes doubled.
    let rc_string = |text: &str| text.replace('\\', "\\\\").replace('"', "\"\"");

    let mut rc = String::new();
    // Icon 1: Explorer shows the first icon group of an .exe.
    writeln!(rc, "1 ICON \"{}\"", rc_string(&icon.to_string_lossy())).map_err(|e| e.to_string())?;
    // VERSIONINFO with numbers, not winver.h names, so that no SDK include path is needed.
    // FILEOS 0x40004 = VOS_NT_WINDOWS32, FILETYPE 1 = VFT_APP; 0x0409/1200 = US English,
    // Unicode.
    let strings = [
        ("CompanyName", "The Delegation Planner authors".to_owned()),
        // Task Manager shows the file description as the program's name.
        ("FileDescription", "Delegation Planner".to_owned()),
        ("FileVersion", version.clone()),
        ("InternalName", "delegation-planner".to_owned()),
        (
            "LegalCopyright",
            "The Delegation Planner authors, MIT OR Apache-2.0".to_owned(),
        ),
        ("OriginalFilename", "delegation-planner.exe".to_owned()),
        ("ProductName", "Delegation Planner".to_owned()),
        ("ProductVersion", version),
    ];
    let mut values = String::new();
    for (key, value) in strings {
        writeln!(values, "      VALUE \"{key}\", \"{}\"", rc_string(&value))
            .map_err(|e| e.to_string())?;
    }
    write!(
        rc,
        "1 VERSIONINFO\n\
         FILEVERSION {major},{minor},{patch},0\n\
         PRODUCTVERSION {major},{minor},{patch},0\n\
         FILEFLAGSMASK 0x3f\n\
         FILEFLAGS 0x0\n\
         FILEOS 0x40004\n\
         FILETYPE 0x1\n\
         FILESUBTYPE 0x0\n\
         BEGIN\n  BLOCK \"StringFileInfo\"\n  BEGIN\n    BLOCK \"040904b0\"\n    BEGIN\n\
         {values}    END\n  END\n  BLOCK \"VarFileInfo\"\n  BEGIN\n    VALUE \"Translation\", 0x409, 1200\n  END\nEND\n"
    )
    .map_err(|e| e.to_string())?;

    let rc_path = std::path::Path::new(&out_dir).join("delegation-planner.rc");
    std::fs::write(&rc_path, rc).map_err(|err| format!("writing {}: {err}", rc_path.display()))?;
    embed_resource::compile_for(&rc_path, ["delegation-planner"], embed_resource::NONE)
        .manifest_required()
        .map_err(|err| err.to_string())
}
