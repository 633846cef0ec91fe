//! The store's contract, run against both backends: what goes in comes out the same.

use meridian_core::{ConversationStatus, Direction, Intent, Platform};
use meridian_store::{InboxFilter, Store};
use meridian_testkit::{Backend, TestStore};
use std::collections::HashSet;

macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite { $( #[tokio::test] async fn $name() { super::$name(meridian_testkit::Backend::Sqlite).await } )* }
        mod postgres { $( #[tokio::test] async fn $name() { if meridian_testkit::skip_pg() { return; } super::$name(meridian_testkit::Backend::Postgres).await } )* }
    };
}

on_both_backends!(
    migrates_once_and_reopens,
    import_counts_match_the_world,
    inbox_pages_cover_everything_once,
    inbox_filters_narrow,
    search_finds_latin_cjk_and_numbers,
    a_common_term_finds_every_conversation_once,
    conversation_view_has_order_and_parcel,
    reply_is_stored_and_queued_once,
    a_reply_can_be_taken_back_during_its_undo_window,
    take_over_snooze_close_and_claims,
    drafts_and_settings_persist,
);

async fn migrates_once_and_reopens(b: Backend) {
    let t = TestStore::new(b).await;
    assert_eq!(t.store.schema_version().await.unwrap(), meridian_store::SCHEMA_VERSION);
    t.store.set_setting("locale", "ja-JP").await.unwrap();
    t.store.close().await;
    let again = Store::open(&t.location).await.unwrap();
    assert_eq!(again.schema_version().await.unwrap(), meridian_store::SCHEMA_VERSION);
    assert_eq!(again.setting("locale").await.unwrap().as_deref(), Some("ja-JP"));
    assert!(again.backup_path().is_none(), "no migration, no backup");
}

async fn import_counts_match_the_world(b: Backend) {
    let (t, world) = TestStore::seeded(b).await;
    let s = t.store.stats().await.unwrap();
    assert_eq!(s.customers as usize, world.customers.len());
    assert_eq!(s.orders as usize, world.orders.len());
    assert_eq!(s.shipments as usize, world.shipments.len());
    assert_eq!(s.conversations as usize, world.conversations.len());
    assert_eq!(s.messages as usize, world.message_count());
    assert_eq!(s.agents as usize, world.agents.len());
    let langs: HashSet<_> = world.conversations.iter().map(|c| c.conversation.language.clone()).collect();
    assert_eq!(s.languages as usize, langs.len());
}

async fn inbox_pages_cover_everything_once(b: Backend) {
    let (t, world) = TestStore::seeded(b).await;
    let mut seen = HashSet::new();
    let mut filter = InboxFilter { limit: Some(7), ..Default::default() };
    let mut last_time = None;
    loop {
        let page = t.store.inbox(&filter).await.unwrap();
        for item in &page.items {
            assert!(seen.insert(item.id), "conversation {} listed twice", item.id);
            if let Some(prev) = last_time {
                assert!(item.last_message_at <= prev, "newest first");
            }
            last_time = Some(item.last_message_at);
        }
        match page.next {
            Some(next) => filter.after = Some(next),
            None => break,
        }
    }
    assert_eq!(seen.len(), world.conversations.len());
}

async fn inbox_filters_narrow(b: Backend) {
    let (t, world) = TestStore::seeded(b).await;
    let all = |f: InboxFilter| {
        let store = &t.store;
        async move { store.inbox(&InboxFilter { limit: Some(200), ..f }).await.unwrap().items }
    };
    let ja = all(InboxFilter { language: Some("ja".into()), ..Default::default() }).await;
    let expected = world.conversations.iter().filter(|c| c.conversation.language == "ja").count();
    assert_eq!(ja.len(), expected);
    assert!(ja.iter().all(|i| i.language == "ja"));
    let open = all(InboxFilter { status: Some(ConversationStatus::Open), ..Default::default() }).await;
    assert_eq!(open.len(), world.conversations.iter().filter(|c| c.conversation.status == ConversationStatus::Open).count());
    let track = all(InboxFilter { intent: Some(Intent::TrackOrder), ..Default::default() }).await;
    assert_eq!(track.len(), world.conversations.iter().filter(|c| c.conversation.intent == Some(Intent::TrackOrder)).count());
    let facets = t.store.inbox_facets().await.unwrap();
    assert_eq!(facets.languages.iter().map(|f| f.count).sum::<i64>() as usize, world.conversations.len());
}

async fn search_finds_latin_cjk_and_numbers(b: Backend) {
    let (t, world) = TestStore::seeded(b).await;
    let find = |q: &str| {
        let store = &t.store;
        let q = q.to_owned();
        async move {
            store.inbox(&InboxFilter { query: Some(q), limit: Some(200), ..Default::default() }).await.unwrap().items.into_iter().map(|i| i.id).collect::<HashSet<_>>()
        }
    };
    // Pick real words from the world's messages and check every conversation holding them is found.
    let needles = pick_needles(&world);
    assert!(needles.len() >= 3, "{needles:?}");
    for needle in needles {
        let expected = world.conversations.iter().filter(|c| c.messages.iter().any(|m| m.text.to_lowercase().contains(&needle.to_lowercase()))).count();
        let found = find(&needle).await;
        assert_eq!(found.len(), expected, "search for {needle:?}");
    }
    assert!(find("zzqxj-nothing-like-this").await.is_empty());
    // Quotes and FTS operators in the query are searched for, not interpreted.
    let _ = find("\"AND OR NOT*").await;
}

/// A Latin word, a three-character and a two-character CJK run, and an order number.
fn pick_needles(world: &meridian_testkit::World) -> Vec<String> {
    let mut out = Vec::new();
    let texts: Vec<&str> = world.conversations.iter().flat_map(|c| c.messages.iter().map(|m| m.text.as_str())).collect();
    if let Some(w) = texts.iter().flat_map(|t| t.split_whitespace()).find(|w| w.len() >= 7 && w.chars().all(|c| c.is_ascii_alphabetic())) {
        out.push(w.to_owned());
    }
    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3040}'..='\u{30ff}').contains(&c);
    for len in [3, 2] {
        if let Some(run) = texts.iter().find_map(|t| {
            let chars: Vec<char> = t.chars().collect();
            chars.windows(len).find(|w| w.iter().all(|c| cjk(*c))).map(|w| w.iter().collect::<String>())
        }) {
            out.push(run);
        }
    }
    if let Some(n) = texts.iter().flat_map(|t| t.split(|c: char| !c.is_ascii_digit())).find(|d| d.len() == 4) {
        out.push(n.to_owned());
    }
    out
}

async fn conversation_view_has_order_and_parcel(b: Backend) {
    let (t, world) = TestStore::seeded(b).await;
    // Find a conversation about an order that has a parcel with events.
    let page = t.store.inbox(&InboxFilter { limit: Some(200), ..Default::default() }).await.unwrap();
    let mut checked = 0;
    for item in page.items {
        let v = t.store.conversation(item.id).await.unwrap();
        assert_eq!(v.conversation.id, item.id);
        assert!(!v.messages.is_empty());
        assert!(v.messages.windows(2).all(|m| m[0].created_at <= m[1].created_at));
        assert!(v.customer.identities.iter().any(|i| i.kind == meridian_core::IdentityKind::Email));
        let Some(focus) = v.focus_order_id else { continue };
        let order = v.orders.iter().find(|o| o.id == focus).expect("focus order is in the view");
        assert_eq!(order.customer_id, Some(v.customer.id));
        assert_eq!(order.computed_total().as_ref(), Some(&order.total));
        assert!(!order.lines.is_empty());
        let world_order = world.orders.iter().find(|o| o.number == order.number && o.platform == order.platform).expect("order from the world");
        assert_eq!(world_order.total, order.total);
        for s in v.shipments.iter().filter(|s| s.order_id == focus) {
            let ws = world.shipments.iter().find(|w| w.tracking_number == s.tracking_number).expect("parcel from the world");
            assert_eq!(ws.status, s.status);
            assert_eq!(ws.events.len(), s.events.len());
            assert_eq!(ws.events, s.events, "events round-trip with places and zones");
            checked += 1;
        }
        if order.platform == Platform::Amazon {
            assert!(v.customer.identities.iter().any(|i| i.kind == meridian_core::IdentityKind::AmazonAlias));
        }
    }
    assert!(checked > 5, "only {checked} parcels checked");
    assert!(matches!(t.store.conversation(999_999).await, Err(meridian_store::StoreError::NotFound { .. })));
}

async fn reply_is_stored_and_queued_once(b: Backend) {
    let (t, _) = TestStore::seeded(b).await;
    let id = t.store.inbox(&InboxFilter::default()).await.unwrap().items[0].id;
    let before = t.store.conversation(id).await.unwrap().messages.len();
    let now = meridian_testkit::fixed_now();
    let m = t.store.send_reply(id, "agent:lucia", "Su pedido sale hoy. ¡Gracias!", now, jiff::SignedDuration::from_secs(10)).await.unwrap();
    let v = t.store.conversation(id).await.unwrap();
    assert_eq!(v.messages.len(), before + 1);
    assert_eq!(v.messages.last().unwrap().id, m.id);
    assert_eq!(v.messages.last().unwrap().direction, Direction::Outbound);
    assert_eq!(v.conversation.status, ConversationStatus::Waiting);
    let queued = t.store.outbox_for(id).await.unwrap();
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].state, meridian_core::OutboxState::Queued);
    // Enqueueing the same effect again changes nothing.
    let mut w = t.store.writer().await.unwrap();
    w.enqueue("reply", &queued[0].idempotency_key, Some(id), "{}", now).await.unwrap();
    w.commit().await.unwrap();
    assert_eq!(t.store.outbox_for(id).await.unwrap().len(), 1);
    // It waits out the undo window, then can be claimed once.
    assert_eq!(v.replies.len(), 1);
    assert_eq!(v.replies[0].message_id, m.id);
    assert!(t.store.claim_outbox("reply", now, 10).await.unwrap().is_empty(), "still in its undo window");
    let later = now + jiff::SignedDuration::from_secs(11);
    assert_eq!(t.store.claim_outbox("reply", later, 10).await.unwrap().len(), 1);
    assert!(t.store.claim_outbox("reply", later, 10).await.unwrap().is_empty(), "claimed once");
    // A crash while sending: failed with a reason, never resent blindly; retry queues it.
    assert_eq!(t.store.fail_interrupted("reply", later).await.unwrap(), 1);
    let failed = &t.store.conversation(id).await.unwrap().replies[0];
    assert_eq!(failed.state, meridian_core::OutboxState::Failed);
    assert!(failed.last_error.as_deref().unwrap().contains("interrupted"));
    assert!(t.store.retry_outbox(failed.outbox_id, later).await.unwrap());
    assert!(!t.store.retry_outbox(failed.outbox_id, later).await.unwrap(), "only a failed item is retried");
}

async fn a_reply_can_be_taken_back_during_its_undo_window(b: Backend) {
    let (t, _) = TestStore::seeded(b).await;
    let id = t.store.inbox(&InboxFilter::default()).await.unwrap().items[0].id;
    let before = t.store.conversation(id).await.unwrap().messages.len();
    let now = meridian_testkit::fixed_now();
    t.store.send_reply(id, "agent:lucia", "Oops, wrong order", now, jiff::SignedDuration::from_secs(10)).await.unwrap();
    let outbox_id = t.store.conversation(id).await.unwrap().replies[0].outbox_id;
    assert_eq!(t.store.cancel_reply(outbox_id, "agent:lucia", now).await.unwrap().as_deref(), Some("Oops, wrong order"));
    let v = t.store.conversation(id).await.unwrap();
    assert_eq!(v.messages.len(), before, "the message is gone");
    assert_eq!(v.draft.unwrap().body, "Oops, wrong order", "its text is the draft again");
    assert_eq!(v.replies[0].state, meridian_core::OutboxState::Cancelled);
    assert!(t.store.claim_outbox("reply", now + jiff::SignedDuration::from_secs(60), 10).await.unwrap().is_empty(), "it never leaves");
    assert_eq!(t.store.cancel_reply(outbox_id, "agent:lucia", now).await.unwrap(), None, "once");
}

async fn drafts_and_settings_persist(b: Backend) {
    let (t, _) = TestStore::seeded(b).await;
    let id = t.store.inbox(&InboxFilter::default()).await.unwrap().items[0].id;
    t.store.save_draft(id, "Hallo,", meridian_testkit::fixed_now()).await.unwrap();
    t.store.save_draft(id, "Hallo, Ihr Paket", meridian_testkit::fixed_now()).await.unwrap();
    t.store.close().await;
    let again = Store::open(&t.location).await.unwrap();
    assert_eq!(again.conversation(id).await.unwrap().draft.unwrap().body, "Hallo, Ihr Paket");
}

/// A term in hundreds of messages takes the search's other plan (walking the inbox).
async fn a_common_term_finds_every_conversation_once(b: Backend) {
    let (t, world) = TestStore::seeded(b).await;
    let ids: Vec<i64> = t.store.inbox(&InboxFilter { limit: Some(200), ..Default::default() }).await.unwrap().items.iter().map(|i| i.id).collect();
    let chosen: Vec<i64> = ids.iter().copied().step_by(2).collect();
    let mut w = t.store.writer().await.unwrap();
    for k in 0..450 {
        let conversation_id = chosen[k % chosen.len()];
        w.insert_message(&meridian_store::NewMessage {
            conversation_id,
            direction: Direction::Note,
            author: "agent:test".into(),
            text: format!("note {k}: zebrafish supplier"),
            html: None,
            language: None,
            created_at: meridian_testkit::fixed_now(),
        })
        .await
        .unwrap();
    }
    w.commit().await.unwrap();
    let mut found = HashSet::new();
    let mut filter = InboxFilter { query: Some("zebrafish".into()), limit: Some(7), ..Default::default() };
    loop {
        let page = t.store.inbox(&filter).await.unwrap();
        for item in &page.items {
            assert!(found.insert(item.id), "listed twice");
        }
        match page.next {
            Some(next) => filter.after = Some(next),
            None => break,
        }
    }
    assert_eq!(found, chosen.iter().copied().collect::<HashSet<_>>());
    assert!(world.conversations.len() > chosen.len());
}

async fn take_over_snooze_close_and_claims(b: Backend) {
    use meridian_store::WorkflowAction::*;
    let (t, _) = TestStore::seeded(b).await;
    let id = t.store.inbox(&InboxFilter::default()).await.unwrap().items[0].id;
    let now = meridian_testkit::fixed_now();
    assert_eq!(t.store.apply_workflow(id, TakeOver, "lucia", now).await.unwrap(), "escalated");
    let w = t.store.workflow(id, now).await.unwrap();
    assert!(w.ai_paused, "taken over: the AI stops");
    let v = t.store.conversation(id).await.unwrap();
    assert_eq!(v.conversation.status, ConversationStatus::Escalated);
    assert_eq!(v.conversation.assignee.as_deref(), Some("lucia"));
    t.store.apply_workflow(id, HandBack, "lucia", now).await.unwrap();
    assert!(!t.store.workflow(id, now).await.unwrap().ai_paused);
    let later = now + jiff::SignedDuration::from_hours(3);
    assert!(t.store.apply_workflow(id, Snooze { until_ms: now.as_millisecond() - 1 }, "lucia", now).await.is_err(), "a snooze ends in the future");
    t.store.apply_workflow(id, Snooze { until_ms: later.as_millisecond() }, "lucia", now).await.unwrap();
    assert_eq!(t.store.workflow(id, now).await.unwrap().snoozed_until, Some(jiff::Timestamp::from_millisecond(later.as_millisecond()).unwrap()));
    t.store.apply_workflow(id, Close, "lucia", now).await.unwrap();
    assert_eq!(t.store.conversation(id).await.unwrap().conversation.status, ConversationStatus::Closed);
    assert!(matches!(t.store.apply_workflow(999_999, Close, "lucia", now).await, Err(meridian_store::StoreError::NotFound { .. })));

    // A supervisor hands it to an agent: escalated to them, the AI paused.
    let agent = t.store.agents().await.unwrap()[0].id.clone();
    t.store.assign_conversation(id, &agent, "supervisor", now).await.unwrap();
    let v = t.store.conversation(id).await.unwrap();
    assert_eq!((v.conversation.status, v.conversation.assignee.as_deref()), (ConversationStatus::Escalated, Some(agent.as_str())));
    assert!(t.store.workflow(id, now).await.unwrap().ai_paused);
    assert!(t.store.needing_attention(&agent, now).await.unwrap().iter().any(|i| i.id == id), "it needs the agent now");
    assert!(matches!(t.store.assign_conversation(id, "nobody", "supervisor", now).await, Err(meridian_store::StoreError::NotFound { .. })));

    // Two agents: the first to write holds the conversation; the claim lapses when idle.
    assert_eq!(t.store.claim_conversation(id, "lucia", now).await.unwrap(), None);
    let other = t.store.claim_conversation(id, "jonas", now).await.unwrap().expect("Lucía is answering");
    assert_eq!(other.agent, "lucia");
    assert_eq!(t.store.claim_conversation(id, "lucia", now).await.unwrap(), None, "her own claim renews");
    let idle = now + meridian_store::CLAIM_TTL + jiff::SignedDuration::from_secs(1);
    assert_eq!(t.store.workflow(id, idle).await.unwrap().claim, None);
    assert_eq!(t.store.claim_conversation(id, "jonas", idle).await.unwrap(), None, "a lapsed claim can be taken");
    t.store.release_claim(id, "lucia").await.unwrap();
    assert_eq!(t.store.workflow(id, idle).await.unwrap().claim.unwrap().agent, "jonas", "only the holder releases");
    t.store.release_claim(id, "jonas").await.unwrap();
    assert_eq!(t.store.workflow(id, idle).await.unwrap().claim, None);
}
