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
