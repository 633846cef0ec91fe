//! A notification really reaches the desktop's notification server: dunst on the test's
//! D-Bus session under Xvfb (`make test` provides both). MERIDIAN_SKIP_E2E=1 leaves it out.

use meridian_notify::show;
use std::process::Command;

fn dunstctl(args: &[&str]) -> String {
    let out = Command::new("dunstctl").args(args).output().expect("dunstctl (Debian package dunst)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_hand_off_notification_reaches_the_notification_server() {
    if std::env::var("MERIDIAN_SKIP_E2E").is_ok_and(|v| v == "1") {
        return;
    }
    assert!(std::env::var("DISPLAY").is_ok() && std::env::var("DBUS_SESSION_BUS_ADDRESS").is_ok(), "needs Xvfb and a session bus: run through `make test`");
    let title = format!("Hand-off for you #{}", std::process::id());
    // The server is started by D-Bus activation on the first notification, as on a desktop.
    let handle = show(&title, "Julia — Quiero anular mi pedido").expect("the notification server accepts it");
    assert!(handle.id() > 0);
    // Closed notifications go to dunst's history, which tells what was shown.
    let mut seen = String::new();
    for _ in 0..50 {
        dunstctl(&["close-all"]);
        seen = dunstctl(&["history"]);
        if seen.contains(&title) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(seen.contains(&title), "not in dunst's history: {seen}");
    assert!(seen.contains("Meridian"), "sent as Meridian: {seen}");
}
