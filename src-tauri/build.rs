fn main() {
    // The config lives at the repository root by the product owner's choice.
    tauri_build::try_build(tauri_build::Attributes::new().config_path("../tauri.conf.json")).expect("tauri build step");
}
