//! Writes a generated world, its team calendar included, into a store in one transaction.

use crate::world::World;
use meridian_store::{NewMessage, Result, Store};

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportSummary {
    pub customers: usize,
    pub orders: usize,
    pub shipments: usize,
    pub conversations: usize,
    pub messages: usize,
}

/// Inserts the world and its team calendar; nothing is written when any record fails.
pub async fn import(store: &Store, world: &World) -> Result<ImportSummary> {
    let mut w = store.writer().await?;
    let mut store_ids = Vec::with_capacity(world.stores.len());
    for s in &world.stores {
        store_ids.push(w.insert_store(s).await?);
    }
    for a in &world.agents {
        w.insert_agent(a).await?;
    }
    let mut customer_ids = Vec::with_capacity(world.customers.len());
    for c in &world.customers {
        customer_ids.push(w.insert_customer(c).await?);
    }
    let mut order_ids = Vec::with_capacity(world.orders.len());
    for o in &world.orders {
        let mut o = o.clone();
        o.store_id = store_ids[o.store_id as usize];
        o.customer_id = o.customer_id.map(|c| customer_ids[c as usize]);
        order_ids.push(w.insert_order(&o).await?);
    }
    for s in &world.shipments {
        let mut s = s.clone();
        s.order_id = order_ids[s.order_id as usize];
        w.insert_shipment(&s).await?;
    }
    let mut messages = 0;
    for dc in &world.conversations {
        let mut c = dc.conversation.clone();
        c.customer_id = customer_ids[c.customer_id as usize];
        c.store_id = store_ids[c.store_id as usize];
        let id = w.insert_conversation(&c, dc.order.map(|o| order_ids[o])).await?;
        for m in &dc.messages {
            w.insert_message(&NewMessage { conversation_id: id, ..m.clone() }).await?;
            messages += 1;
        }
    }
    // The team's calendar (shifts, languages with proficiency, days off, holidays, business
    // hours), anchored at the world's latest activity so days off lie just ahead.
    let anchor = world.conversations.iter().map(|c| c.conversation.last_message_at).max().unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let calendar = crate::generate::team_calendar(anchor.to_zoned_datetime(jiff::tz::TimeZone::UTC).date(), &world.agents);
    w.save_team_calendar(&calendar).await?;
    w.commit().await?;
    Ok(ImportSummary {
        customers: world.customers.len(),
        orders: world.orders.len(),
        shipments: world.shipments.len(),
        conversations: world.conversations.len(),
        messages,
    })
}
