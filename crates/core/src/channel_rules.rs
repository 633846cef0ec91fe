//! What a channel forbids in a reply, checked before anything is queued so the agent is told
//! why at once. Amazon buyer messages may not carry links to other sites (Amazon strips or
//! blocks them), nor ask the buyer for personal contact details by e-mail address.

use crate::Channel;

/// The rule a reply breaks on `channel`, as a stable code ("amazon-links"), or None.
pub fn check(channel: Channel, body: &str) -> Option<&'static str> {
    match channel {
        Channel::AmazonMessaging => {
            let lower = body.to_lowercase();
            let has_link = lower.contains("http://") || lower.contains("https://") || lower.split_whitespace().any(|w| w.trim_start_matches(['(', '<', '"']).starts_with("www."));
            if has_link {
                return Some("amazon-links");
            }
            let has_email = body.split_whitespace().any(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '@' && c != '.');
                w.split_once('@').is_some_and(|(a, d)| !a.is_empty() && d.contains('.') && !d.ends_with("amazon.com"))
            });
            has_email.then_some("amazon-contact")
        }
        Channel::Email | Channel::Chat => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amazon_replies_carry_no_links_or_contact_addresses() {
        assert_eq!(check(Channel::AmazonMessaging, "Track it at https://ups.com/track?x=1"), Some("amazon-links"));
        assert_eq!(check(Channel::AmazonMessaging, "See www.example.com for sizes"), Some("amazon-links"));
        assert_eq!(check(Channel::AmazonMessaging, "Write to help@northwind.example."), Some("amazon-contact"));
        assert_eq!(check(Channel::AmazonMessaging, "Your parcel 1Z999AA10123456784 left Madrid on 3.12."), None);
        assert_eq!(check(Channel::Email, "Track it at https://ups.com"), None);
    }
}
