#![no_main]
use libfuzzer_sys::fuzz_target;
fuzz_target!(|data: &[u8]| {
    let _ = delegation_planner::project_file::parse_project(data, std::path::Path::new("fuzz.ron"));
});
