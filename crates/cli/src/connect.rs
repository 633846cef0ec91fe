//! `meridian sandbox`, `meridian sync` and `meridian credentials`: the platform side.

use anyhow::{bail, Context, Result};
use meridian_connectors::Config;
use meridian_sync::secrets::{CredentialSource, Keyring};
use meridian_sync::{Connections, Syncer};
use std::net::SocketAddr;
use std::sync::Arc;

#[derive(clap::Args)]
pub struct SandboxArgs {
    /// Orders in the simulated world (all platforms together).
    #[arg(long, default_value_t = 800)]
    orders: usize,
    /// Seed of the world: the same seed gives the same data (and the demo store's world).
    #[arg(long, default_value_t = 1047)]
    seed: u64,
    /// Share of API requests that fail on purpose: 429s, 5xx, timeouts, slow and truncated bodies.
    #[arg(long, default_value_t = 0.0)]
    faults: f64,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:0")]
    addr: SocketAddr,
    /// Shopify plan whose rate limit (calculated query cost bucket) to simulate.
    #[arg(long, default_value = "standard", value_parser = ["standard", "advanced", "plus"])]
    shopify_plan: String,
    /// Write a connector config pointing at this sandbox here (credentials go to the keyring).
    #[arg(long)]
    write_config: Option<String>,
    /// The world's "now" (RFC 3339): the same seed and now give the same data. Default: now.
    #[arg(long)]
    now: Option<jiff::Timestamp>,
}

pub async fn sandbox(args: SandboxArgs) -> Result<()> {
    if !(0.0..=1.0).contains(&args.faults) {
        bail!("--faults must be between 0 and 1, got {}", args.faults);
    }
    let mut opts = meridian_sandbox::Options { orders: args.orders, seed: args.seed, faults: args.faults, addr: args.addr, shopify_plan: args.shopify_plan, ..Default::default() };
    opts.now = args.now.unwrap_or_else(jiff::Timestamp::now);
    let sb = meridian_sandbox::Sandbox::start(opts).await.with_context(|| format!("starting the sandbox on {}", args.addr))?;
    if let Some(path) = &args.write_config {
        let entries = sb.credential_entries();
        tokio::task::spawn_blocking(move || -> Result<()> {
            for (account, json) in entries {
                Keyring::default().set(&account, &json).with_context(|| "storing the sandbox's credentials in the OS keyring")?;
            }
            Ok(())
        })
        .await??;
        std::fs::write(path, sb.config().to_toml()).with_context(|| format!("writing the config to {path}"))?;
    }
    let totals = sb.state.lock().totals();
    let base = sb.base_url();
    let line = serde_json::json!({
        "addr": sb.addr.to_string(),
        "endpoints": {
            "shopify": format!("{base}/shopify"),
            "amazon": format!("{base}/amazon"),
            "lwa": format!("{base}/lwa/auth/o2/token"),
            "woocommerce": format!("{base}/woocommerce"),
            "17track": format!("{base}/17track"),
            "aftership": format!("{base}/aftership"),
            "control": format!("{base}/_sandbox"),
        },
        "totals": totals,
        "config": args.write_config,
    });
    println!("{line}");
    tokio::signal::ctrl_c().await.context("waiting for Ctrl-C")?;
    Ok(())
}

#[derive(clap::Args)]
pub struct SyncArgs {
    /// Connector config (TOML), e.g. the one `meridian sandbox --write-config` wrote.
    #[arg(long)]
    config: String,
    /// Database: a SQLite file path or a postgres:// URL. Defaults to the user's data directory.
    #[arg(long)]
    db: Option<String>,
    /// One pass (backfill or catch up), then print a summary and exit.
    #[arg(long)]
    once: bool,
    /// Seconds between polling passes when following.
    #[arg(long, default_value_t = 60)]
    interval: u64,
    /// Where the webhook receiver listens when following.
    #[arg(long, default_value = "127.0.0.1:0")]
    listen: SocketAddr,
}

pub fn load_config(path: &str) -> Result<Config> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading the connector config {path}"))?;
    Config::from_toml(&text).map_err(|e| anyhow::anyhow!("the connector config {path} is not valid: {e}"))
}

async fn connections(config: &Config) -> Result<Connections> {
    let config = config.clone();
    tokio::task::spawn_blocking(move || Connections::new(&config, &Keyring::default())).await?.map_err(anyhow::Error::from)
}

pub async fn sync(args: SyncArgs) -> Result<bool> {
    let config = load_config(&args.config)?;
    let location = args.db.unwrap_or_else(|| meridian_store::default_location().display().to_string());
    let store = meridian_store::Store::open(&location).await.with_context(|| format!("opening the store {location}"))?;
    let syncer = Arc::new(Syncer::new(store, connections(&config).await?));
    syncer.store.recover_outbox(meridian_sync::writeback::KIND, jiff::Timestamp::now()).await?;
    let interrupted = syncer.recover_replies().await?;
    if args.once {
        let summary = syncer.run_once().await;
        let (sent, retry, failed) = syncer.dispatch_writebacks().await?;
        let (replies_sent, replies_failed) = syncer.dispatch_replies().await?;
        let mut json = serde_json::to_value(&summary)?;
        json["writebacks"] = serde_json::json!({ "sent": sent, "retrying": retry, "failed": failed });
        json["replies"] = serde_json::json!({ "sent": replies_sent, "failed": replies_failed, "interrupted": interrupted });
        println!("{json}");
        return Ok(summary.errors.is_empty());
    }
    let bound = meridian_sync::receiver::serve(syncer.clone(), args.listen).await.context("starting the webhook receiver")?;
    if let Some(admin) = &config.sandbox_admin {
        meridian_sync::receiver::subscribe_sandbox(admin, bound).await.map_err(anyhow::Error::msg)?;
    }
    eprintln!("following; webhooks at http://{bound}/webhooks/{{shopify,woocommerce,17track,aftership}}");
    // Replies leave as soon as their undo window ends, not at the next polling pass.
    let replies = syncer.clone();
    tokio::spawn(async move {
        loop {
            if let Err(e) = replies.dispatch_replies().await {
                eprintln!("meridian: sending replies: {e}");
            }
            tokio::time::sleep(std::time::Duration::from_secs(2)).await;
        }
    });
    loop {
        let summary = syncer.run_once().await;
        let _ = syncer.dispatch_writebacks().await;
        println!("{}", serde_json::to_string(&summary)?);
        tokio::select! {
            _ = tokio::time::sleep(std::time::Duration::from_secs(args.interval)) => {}
            _ = tokio::signal::ctrl_c() => return Ok(true),
        }
    }
}

#[derive(clap::Subcommand)]
pub enum CredentialsCommand {
    /// Stores one connection's credentials (JSON on standard input) in the OS keyring.
    Set {
        /// The connection's account, as the config names it ("shopify/<shop>", "amazon/<region>", "woocommerce/<site>", "17track", "aftership").
        #[arg(long)]
        account: String,
    },
    /// Removes one connection's credentials from the keyring.
    Delete {
        #[arg(long)]
        account: String,
    },
    /// Tests every connection of a config with its stored credentials.
    Check {
        #[arg(long)]
        config: String,
    },
}

pub async fn credentials(cmd: CredentialsCommand) -> Result<bool> {
    match cmd {
        CredentialsCommand::Set { account } => {
            let mut json = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut json).context("reading the credentials from standard input")?;
            serde_json::from_str::<serde_json::Value>(&json).context("the credentials on standard input are not JSON")?;
            tokio::task::spawn_blocking(move || Keyring::default().set(&account, json.trim())).await??;
            Ok(true)
        }
        CredentialsCommand::Delete { account } => {
            tokio::task::spawn_blocking(move || Keyring::default().delete(&account)).await??;
            Ok(true)
        }
        CredentialsCommand::Check { config } => {
            let conns = connections(&load_config(&config)?).await?;
            let mut ok = true;
            for c in &conns.stores {
                report(&c.label(), c.check().await, &mut ok);
            }
            if let Some(t) = &conns.track17 {
                report(&t.name(), t.check().await, &mut ok);
            }
            if let Some(a) = &conns.aftership {
                report(&a.name(), a.check().await, &mut ok);
            }
            if let Some(m) = &conns.smtp {
                report(&m.name(), m.check().await, &mut ok);
            }
            Ok(ok)
        }
    }
}

fn report(label: &str, result: meridian_connectors::Result<()>, ok: &mut bool) {
    match result {
        Ok(()) => println!("{}", serde_json::json!({ "connection": label, "ok": true })),
        Err(e) => {
            *ok = false;
            println!("{}", serde_json::json!({ "connection": label, "ok": false, "error": e.to_string() }));
        }
    }
}

#[derive(clap::Args)]
pub struct BenchSyncArgs {
    /// Orders in the simulated world (all platforms); Shopify holds about 40% of them.
    #[arg(long, default_value_t = 25_000)]
    world: usize,
    /// Shopify plan to simulate: its cost bucket bounds the backfill.
    #[arg(long, default_value = "plus", value_parser = ["standard", "advanced", "plus"])]
    shopify_plan: String,
    /// Database to fill (a new file is best).
    #[arg(long)]
    db: String,
    /// Also write the Markdown report here.
    #[arg(long)]
    report: Option<String>,
}

/// Backfills every Shopify order of a large sandbox world under the plan's real cost bucket
/// and compares the time taken with the least the bucket allows.
pub async fn bench_sync(args: BenchSyncArgs) -> Result<()> {
    let opts = meridian_sandbox::Options { orders: args.world, seed: 1047, shopify_plan: args.shopify_plan.clone(), ..Default::default() };
    let sb = meridian_sandbox::Sandbox::start(opts).await?;
    let mut config = sb.config();
    config.amazon.clear();
    config.woocommerce.clear();
    config.track17 = None;
    config.aftership = None;
    let secrets = meridian_sync::MemorySecrets::from_entries(sb.credential_entries());
    let store = meridian_store::Store::open(&args.db).await?;
    let rss_before = peak_rss_kib();
    let syncer = Syncer::new(store, Connections::new(&config, &secrets)?);
    let started = std::time::Instant::now();
    let summary = syncer.run_once().await;
    let seconds = started.elapsed().as_secs_f64();
    if !summary.errors.is_empty() {
        bail!("the backfill failed: {:?}", summary.errors);
    }
    let orders = summary.platforms.get("shopify").map(|c| c.orders).unwrap_or(0);
    let (spent, throttled, (max, restore)) = {
        let st = sb.state.lock();
        (st.shopify.spent, st.shopify.throttled, meridian_sandbox::shopify::plan_bucket_or_standard(&st.shopify))
    };
    let minimum = ((spent - max) / restore).max(0.0);
    let used = if seconds > 0.0 { minimum / seconds } else { 0.0 };
    let json = serde_json::json!({
        "orders": orders, "seconds": seconds, "minimum_seconds": minimum, "rate_used": used,
        "points_spent": spent, "bucket": max, "restore_rate": restore, "plan": args.shopify_plan,
        "requests": summary.requests, "throttled_responses": throttled, "retries": summary.retries,
        "orders_per_second": orders as f64 / seconds, "peak_rss_mib": peak_rss_kib() as f64 / 1024.0,
        "rss_before_sync_mib": rss_before as f64 / 1024.0,
    });
    println!("{json}");
    if let Some(path) = args.report {
        let md = format!(
            "## Sync: Shopify backfill under the real cost bucket\n\n\
             `meridian bench-sync` backfills every Shopify order of a {world}-order sandbox world (plan `{plan}`: bucket {max:.0} points, restore {restore:.0} points/s) into a new SQLite store, through the same client and sync the app uses.\n\n\
             | measure | value |\n|---|---|\n\
             | orders backfilled | {orders} |\n| requests | {requests} |\n| points spent (actual query cost) | {spent:.0} |\n\
             | time taken | {seconds:.1} s |\n| least time the bucket allows ((spent − bucket) / restore) | {minimum:.1} s |\n\
             | share of the allowed rate used | {pct:.1}% (aim ≥ 90%) |\n| throttled responses | {throttled} (aim: none after the first) |\n\
             | orders per second | {ops:.1} |\n| peak RSS (process, incl. the in-process simulator) | {peak:.0} MiB |\n| RSS before the sync started (world built) | {before:.0} MiB |\n",
            world = args.world, plan = args.shopify_plan, requests = summary.requests, pct = used * 100.0,
            ops = orders as f64 / seconds, peak = peak_rss_kib() as f64 / 1024.0, before = rss_before as f64 / 1024.0,
        );
        std::fs::write(&path, md).with_context(|| format!("writing {path}"))?;
    }
    Ok(())
}

/// The process's peak resident set (VmHWM), in KiB; 0 where /proc is not available.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()))
        .unwrap_or(0)
}
