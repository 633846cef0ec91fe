//! Store benchmarks: how long the operations behind the three panes take on a large store.
//! Reports percentiles; the caller decides where they go (docs/BENCHMARKS.md).

use meridian_core::ConversationStatus;
use meridian_store::{InboxFilter, Result, Store};
use serde::Serialize;
use std::time::Instant;

#[derive(Debug, Clone, Serialize)]
pub struct Timing {
    pub name: String,
    pub runs: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
}

impl Timing {
    fn from(name: &str, mut samples: Vec<f64>) -> Timing {
        samples.sort_by(|a, b| a.total_cmp(b));
        let at = |q: f64| samples.get(((samples.len() as f64 - 1.0) * q).round() as usize).copied().unwrap_or(0.0);
        Timing { name: name.into(), runs: samples.len(), p50_ms: round(at(0.5)), p95_ms: round(at(0.95)), max_ms: round(at(1.0)) }
    }
}

fn round(ms: f64) -> f64 {
    (ms * 100.0).round() / 100.0
}

#[derive(Debug, Clone, Serialize)]
pub struct StoreReport {
    pub conversations: i64,
    pub messages: i64,
    pub timings: Vec<Timing>,
}

async fn time<T>(f: impl std::future::Future<Output = Result<T>>) -> Result<(f64, T)> {
    let t = Instant::now();
    let v = f.await?;
    Ok((t.elapsed().as_secs_f64() * 1000.0, v))
}

/// Runs the store benchmarks: `runs` conversation opens spread over the id range, inbox
/// pages with and without filters, and searches for Latin words, CJK runs and numbers.
pub async fn store(store: &Store, runs: usize) -> Result<StoreReport> {
    let stats = store.stats().await?;
    let n = stats.conversations.max(1);
    // Warm the page cache once, as an agent's session would have.
    store.inbox(&InboxFilter::default()).await?;

    let mut open = Vec::with_capacity(runs);
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..runs {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let id = 1 + (x % n as u64) as i64;
        let (ms, view) = time(store.conversation(id)).await?;
        std::hint::black_box(view);
        open.push(ms);
    }

    let filters = [
        ("inbox page (no filter)", InboxFilter::default()),
        ("inbox page (status open + language es)", InboxFilter { status: Some(ConversationStatus::Open), language: Some("es".into()), ..Default::default() }),
        ("inbox page (language ja)", InboxFilter { language: Some("ja".into()), ..Default::default() }),
    ];
    let mut timings = vec![Timing::from("open conversation with all panes", open)];
    for (name, f) in filters {
        let mut samples = vec![];
        for _ in 0..runs.min(200) {
            let (ms, page) = time(store.inbox(&f)).await?;
            std::hint::black_box(page);
            samples.push(ms);
        }
        timings.push(Timing::from(name, samples));
    }
    let queries = ["paquete", "Lieferung", "refund", "包裹", "配送状況", "1047", "zzqx-none"];
    let mut samples = vec![];
    for _ in 0..(runs / queries.len()).max(3) {
        for q in queries {
            let f = InboxFilter { query: Some(q.into()), ..Default::default() };
            let (ms, page) = time(store.inbox(&f)).await?;
            std::hint::black_box(page);
            samples.push(ms);
        }
    }
    timings.push(Timing::from("full-text search (first page of results)", samples));
    Ok(StoreReport { conversations: stats.conversations, messages: stats.messages, timings })
}

/// The report as a Markdown table.
pub fn markdown(r: &StoreReport) -> String {
    let mut s = format!("Store: {} conversations, {} messages (SQLite).\n\n| operation | runs | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|\n", r.conversations, r.messages);
    for t in &r.timings {
        s.push_str(&format!("| {} | {} | {} | {} | {} |\n", t.name, t.runs, t.p50_ms, t.p95_ms, t.max_ms));
    }
    s
}

/// Triage throughput and latency over `texts`, on one thread and on every core.
#[derive(Debug, Clone, Serialize)]
pub struct TriageReport {
    pub messages: usize,
    pub threads: usize,
    pub single_thread_per_second: f64,
    pub all_cores_per_second: f64,
    pub p50_us: f64,
    pub p99_us: f64,
    pub with_drafts_per_second: f64,
    pub engine_training_seconds: f64,
}

pub fn triage(texts: &[String], rounds: usize) -> Result<TriageReport, String> {
    use meridian_assist::draft::{Grounding, StoreRules};
    use meridian_assist::{Engine, Input, Policy};
    let t0 = Instant::now();
    let engine = Engine::new().map_err(|e| e.to_string())?;
    let training = t0.elapsed().as_secs_f64();
    let policy = Policy::default();
    let inputs: Vec<Input> = texts.iter().map(|t| Input { text: t.clone(), ..Default::default() }).collect();
    let total = inputs.len() * rounds;
    // One thread, with per-message latency.
    let mut lat = Vec::with_capacity(total);
    let start = Instant::now();
    for _ in 0..rounds {
        for i in &inputs {
            let t = Instant::now();
            std::hint::black_box(engine.triage(i, &policy));
            lat.push(t.elapsed().as_secs_f64() * 1e6);
        }
    }
    let single = total as f64 / start.elapsed().as_secs_f64();
    lat.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| lat.get(((lat.len() as f64 - 1.0) * q) as usize).copied().unwrap_or(0.0);
    // Every core.
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let start = Instant::now();
    std::thread::scope(|s| {
        for k in 0..threads {
            let (engine, policy, inputs) = (&engine, &policy, &inputs);
            s.spawn(move || {
                for _ in 0..rounds {
                    for i in inputs.iter().skip(k).step_by(threads) {
                        std::hint::black_box(engine.triage(i, policy));
                    }
                }
            });
        }
    });
    let all = total as f64 / start.elapsed().as_secs_f64();
    // With drafts (ungrounded: no store), one thread.
    let grounding = Grounding { customer_name: "Ana", customer_country: "ES", customer_time_zone: Some("Europe/Madrid"), agent: "Lucía", store: "Northwind", order: None, shipment: None, rules: StoreRules::default(), now: jiff::Timestamp::now() };
    let start = Instant::now();
    for i in &inputs {
        std::hint::black_box(engine.assist(i, &policy, &grounding, "en"));
    }
    let drafts = inputs.len() as f64 / start.elapsed().as_secs_f64();
    Ok(TriageReport {
        messages: total,
        threads,
        single_thread_per_second: single.round(),
        all_cores_per_second: all.round(),
        p50_us: round(at(0.5)),
        p99_us: round(at(0.99)),
        with_drafts_per_second: drafts.round(),
        engine_training_seconds: round(training),
    })
}
