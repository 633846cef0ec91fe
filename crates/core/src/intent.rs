//! The intent taxonomy and the actions of the autonomy policy (see TRIAGE.md).

text_enum! {
    /// What the customer wants: the 27 Bitext intents and eight cross-border ones.
    pub enum Intent("intent") {
        TrackOrder = "track_order",
        TrackRefund = "track_refund",
        DeliveryPeriod = "delivery_period",
        DeliveryOptions = "delivery_options",
        CheckRefundPolicy = "check_refund_policy",
        CheckCancellationFee = "check_cancellation_fee",
        CheckPaymentMethods = "check_payment_methods",
        CheckInvoice = "check_invoice",
        GetInvoice = "get_invoice",
        CreateAccount = "create_account",
        EditAccount = "edit_account",
        RecoverPassword = "recover_password",
        RegistrationProblems = "registration_problems",
        SwitchAccount = "switch_account",
        NewsletterSubscription = "newsletter_subscription",
        SetUpShippingAddress = "set_up_shipping_address",
        PlaceOrder = "place_order",
        Review = "review",
        ContactCustomerService = "contact_customer_service",
        CustomsDuties = "customs_duties",
        CancelOrder = "cancel_order",
        ChangeOrder = "change_order",
        ChangeShippingAddress = "change_shipping_address",
        GetRefund = "get_refund",
        ReturnItem = "return_item",
        DamagedOrWrongItem = "damaged_or_wrong_item",
        MissingPackage = "missing_package",
        PaymentIssue = "payment_issue",
        DeleteAccount = "delete_account",
        ProductQuestion = "product_question",
        Other = "other",
        Complaint = "complaint",
        ContactHumanAgent = "contact_human_agent",
        Dispute = "dispute",
        PrivacyRequest = "privacy_request",
    }
}

text_enum! {
    /// What may happen with a message: sent alone, confirmed by a human, or owned by a human.
    pub enum Action("action") {
        Autopilot = "autopilot",
        Approve = "approve",
        Escalate = "escalate",
    }
}

impl Intent {
    /// The default action of TRIAGE.md for this intent.
    pub fn default_action(self) -> Action {
        use Intent::*;
        match self {
            CancelOrder | ChangeOrder | ChangeShippingAddress | GetRefund | ReturnItem
            | DamagedOrWrongItem | MissingPackage | PaymentIssue | DeleteAccount | ProductQuestion
            | Other => Action::Approve,
            Complaint | ContactHumanAgent | Dispute | PrivacyRequest => Action::Escalate,
            _ => Action::Autopilot,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taxonomy_has_35_labels_with_triage_defaults() {
        assert_eq!(Intent::ALL.len(), 35);
        let count = |a| Intent::ALL.iter().filter(|i| i.default_action() == a).count();
        assert_eq!((count(Action::Autopilot), count(Action::Approve), count(Action::Escalate)), (20, 11, 4));
        assert_eq!("track_order".parse::<Intent>().unwrap(), Intent::TrackOrder);
        assert!("where_is_it".parse::<Intent>().is_err());
    }
}
