//! `meridian`: the command line. It only parses arguments and prints; the work is done by
//! the library crates, the same ones the desktop app uses.

mod connect;
mod slots;
mod triage;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use meridian_demo::{generate, import, Assets, DemoSpec};
use meridian_store::Store;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "meridian", version, about = "Meridian: the customer-service workstation for cross-border stores.", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Creates a store filled with data: the demo store, or a larger synthetic one for benchmarks.
    Seed {
        /// Seed the realistic multilingual demo store (300+ customers, 800 orders, 240 conversations).
        #[arg(long)]
        demo: bool,
        /// Database: a SQLite file path or a postgres:// URL. Defaults to the user's data directory.
        #[arg(long)]
        db: Option<String>,
        /// Seed of the generator: the same seed gives the same store.
        #[arg(long, default_value_t = 1047)]
        seed: u64,
        /// The moment the store is seen from (RFC 3339). Defaults to now.
        #[arg(long)]
        now: Option<jiff::Timestamp>,
        /// Replace an existing SQLite file instead of refusing.
        #[arg(long, conflicts_with = "if_missing")]
        force: bool,
        /// Do nothing (successfully) when the store already holds data.
        #[arg(long)]
        if_missing: bool,
        /// Number of customers (synthetic store; overrides the demo size).
        #[arg(long)]
        customers: Option<usize>,
        /// Number of orders.
        #[arg(long)]
        orders: Option<usize>,
        /// Number of conversations.
        #[arg(long)]
        conversations: Option<usize>,
        /// Messages in every conversation (default: 1–4 as in real inboxes).
        #[arg(long)]
        messages_per_conversation: Option<usize>,
    },
    /// Measures triage speed on the messages of a JSON Lines file ("text" field), and prints JSON.
    BenchTriage {
        #[arg(long)]
        input: String,
        /// How many times the file is triaged.
        #[arg(long, default_value_t = 20)]
        rounds: usize,
    },
    /// Measures the store on a large database and prints a report (see docs/BENCHMARKS.md).
    Bench {
        /// Database to measure; `meridian seed --conversations 100000 --messages-per-conversation 10` makes one.
        #[arg(long)]
        db: String,
        /// Conversations opened (other operations scale from it).
        #[arg(long, default_value_t = 500)]
        runs: usize,
        /// Print JSON instead of a Markdown table.
        #[arg(long)]
        json: bool,
    },
    /// Triage customer messages offline: JSON Lines in, one JSON line out per message (TRIAGE.md).
    Triage {
        /// Input file (JSON Lines); standard input when absent.
        #[arg(long)]
        input: Option<String>,
        /// Policy file (TOML) changing the default autonomy policy.
        #[arg(long)]
        policy: Option<String>,
        /// Leave out the "draft" field.
        #[arg(long)]
        no_draft: bool,
    },
    /// Measures the engine on labelled messages (JSON Lines as in TRIAGE.md, or the Bitext CSV).
    Eval {
        /// Labelled data: .jsonl, or .csv with columns id, instruction, intent.
        #[arg(long)]
        labels: String,
        #[arg(long)]
        policy: Option<String>,
        /// Print the full report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Proposes callback times for a customer: their reasonable hours, agents who speak their language on shift.
    Slots(slots::SlotsArgs),
    /// Serves local simulators of Shopify, Amazon SP-API, WooCommerce, 17TRACK and AfterShip.
    Sandbox(connect::SandboxArgs),
    /// Backfills then follows the configured stores and tracking services into the store.
    Sync(connect::SyncArgs),
    /// Measures a Shopify backfill from the sandbox against its cost bucket (docs/BENCHMARKS.md).
    BenchSync(connect::BenchSyncArgs),
    /// Manages connection credentials in the OS keyring.
    #[command(subcommand)]
    Credentials(connect::CredentialsCommand),
    /// Prints what a store holds.
    Stats {
        /// Database: a SQLite file path or a postgres:// URL. Defaults to the user's data directory.
        #[arg(long)]
        db: Option<String>,
        /// Print one JSON object instead of a table.
        #[arg(long)]
        json: bool,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt().with_env_filter(tracing_subscriber::EnvFilter::from_env("MERIDIAN_LOG")).with_writer(std::io::stderr).init();
    match run(Cli::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("meridian: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Seed { demo, db, seed, now, force, if_missing, customers, orders, conversations, messages_per_conversation } => {
            let synthetic = customers.is_some() || orders.is_some() || conversations.is_some() || messages_per_conversation.is_some();
            if !demo && !synthetic {
                bail!("say what to seed: --demo, or sizes such as --conversations 100000 --messages-per-conversation 10");
            }
            let location = db.unwrap_or_else(|| meridian_store::default_location().display().to_string());
            let now = now.unwrap_or_else(jiff::Timestamp::now);
            let mut spec = DemoSpec::demo(seed, now);
            if let Some(n) = customers { spec.customers = n; }
            if let Some(n) = orders { spec.orders = n; }
            if let Some(n) = conversations { spec.conversations = n; }
            spec.messages_per_conversation = messages_per_conversation;
            seed_store(&location, &spec, force, if_missing).await
        }
        Command::BenchTriage { input, rounds } => {
            let content = std::fs::read_to_string(&input).with_context(|| format!("reading {input}"))?;
            let texts: Vec<String> = content
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| serde_json::from_str::<serde_json::Value>(l).ok().and_then(|v| v["text"].as_str().map(str::to_owned)).with_context(|| format!("{input}: a line without \"text\"")))
                .collect::<Result<_>>()?;
            let report = meridian_bench::triage(&texts, rounds).map_err(anyhow::Error::msg)?;
            println!("{}", serde_json::to_string_pretty(&report)?);
            Ok(())
        }
        Command::Bench { db, runs, json } => {
            if !PathBuf::from(&db).exists() && !db.contains("://") {
                bail!("no store at {db}; create one with `meridian seed --conversations 100000 --messages-per-conversation 10 --customers 50000 --orders 120000 --db {db}`");
            }
            let store = Store::open(&db).await.with_context(|| format!("opening {db}"))?;
            let report = meridian_bench::store(&store, runs).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print!("{}", meridian_bench::markdown(&report));
            }
            Ok(())
        }
        Command::Triage { input, policy, no_draft } => triage::triage(input.as_deref(), policy.as_deref(), no_draft),
        Command::Eval { labels, policy, json } => triage::evaluate(&labels, policy.as_deref(), json),
        Command::Slots(args) => slots::run(args).await,
        Command::Sandbox(args) => connect::sandbox(args).await,
        Command::BenchSync(args) => connect::bench_sync(args).await,
        Command::Sync(args) => match connect::sync(args).await? {
            true => Ok(()),
            false => bail!("some connections failed; the summary names them"),
        },
        Command::Credentials(cmd) => match connect::credentials(cmd).await? {
            true => Ok(()),
            false => bail!("some connections failed the check"),
        },
        Command::Stats { db, json } => {
            let location = db.unwrap_or_else(|| meridian_store::default_location().display().to_string());
            if !location.contains("://") && !PathBuf::from(&location).exists() {
                bail!("no store at {location}; create one with `meridian seed --demo --db {location}`");
            }
            let store = Store::open(&location).await.with_context(|| format!("opening {location}"))?;
            let s = store.stats().await?;
            if json {
                println!("{}", serde_json::to_string(&s)?);
            } else {
                println!("store          {location}");
                for (name, n) in [
                    ("stores", s.stores), ("customers", s.customers), ("orders", s.orders), ("shipments", s.shipments),
                    ("conversations", s.conversations), ("messages", s.messages), ("agents", s.agents),
                    ("languages", s.languages), ("countries", s.countries),
                ] {
                    println!("{name:<14} {n}");
                }
            }
            Ok(())
        }
    }
}

async fn seed_store(location: &str, spec: &DemoSpec, force: bool, if_missing: bool) -> Result<()> {
    let is_file = !location.contains("://");
    if is_file && force {
        for suffix in ["", "-wal", "-shm"] {
            let p = format!("{location}{suffix}");
            if std::path::Path::new(&p).exists() {
                std::fs::remove_file(&p).with_context(|| format!("removing {p}"))?;
            }
        }
    }
    let store = Store::open(location).await.with_context(|| format!("opening {location}"))?;
    let before = store.stats().await?;
    if (before.conversations > 0 || before.orders > 0) && if_missing {
        eprintln!("{location} already holds a store ({} conversations); leaving it as it is", before.conversations);
        return Ok(());
    }
    if before.conversations > 0 || before.orders > 0 {
        bail!("{location} already holds {} conversations and {} orders; use --force to replace a SQLite file", before.conversations, before.orders);
    }
    let assets = Assets::load()?;
    let started = std::time::Instant::now();
    let world = generate(spec, &assets);
    eprintln!("generated {} customers, {} orders, {} conversations, {} messages in {:.1}s; writing…", world.customers.len(), world.orders.len(), world.conversations.len(), world.message_count(), started.elapsed().as_secs_f64());
    let summary = import(&store, &world).await.with_context(|| format!("writing the store to {location}"))?;
    store.close().await;
    println!("{}", serde_json::json!({ "db": location, "seed": spec.seed, "imported": summary, "seconds": (started.elapsed().as_secs_f64() * 10.0).round() / 10.0 }));
    Ok(())
}
