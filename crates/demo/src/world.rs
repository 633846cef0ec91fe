//! The generated world, before it is stored: plain domain records that refer to each other
//! by position (store 0, customer 12, order 40…); `import` turns positions into database ids.

use meridian_core::{Conversation, Customer, Order, Shipment, StoreFront};
use meridian_store::Agent;

#[derive(Debug, Clone)]
pub struct World {
    pub stores: Vec<StoreFront>,
    pub agents: Vec<Agent>,
    /// `id` is the position.
    pub customers: Vec<Customer>,
    /// `id` is the position; `store_id` and `customer_id` are positions too.
    pub orders: Vec<Order>,
    /// `order_id` is a position.
    pub shipments: Vec<Shipment>,
    pub conversations: Vec<DemoConversation>,
}

#[derive(Debug, Clone)]
pub struct DemoConversation {
    /// `customer_id` and `store_id` are positions.
    pub conversation: Conversation,
    /// Position of the order the conversation is about.
    pub order: Option<usize>,
    pub messages: Vec<DemoMessage>,
}

/// A message of the world; `conversation_id` is set when it is imported.
pub type DemoMessage = meridian_store::NewMessage;

impl World {
    pub fn message_count(&self) -> usize {
        self.conversations.iter().map(|c| c.messages.len()).sum()
    }
}
