//! What can go wrong while planning, in terms a person can act on.

use meridian_core::CallbackState;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error("unknown time zone {zone:?}: use an IANA name such as Europe/Madrid or America/New_York")]
    UnknownZone { zone: String },
    #[error("agent {agent:?} has an unknown time zone {zone:?}")]
    AgentZone { agent: String, zone: String },
    #[error("the team has no agents")]
    EmptyTeam,
    #[error("agent id {0:?} appears twice in the team")]
    DuplicateAgent(String),
    #[error("nobody in the team speaks {language:?} well enough (the team speaks: {known})")]
    UnknownLanguage { language: String, known: String },
    #[error("{value:?} is not a time of day (HH:MM from 00:00 to 24:00)")]
    BadClockTime { value: String },
    #[error("{value:?} is not a day of the week (mon, tue, … sun)")]
    BadWeekday { value: String },
    #[error("{value:?} is not a language proficiency (basic, conversational, fluent, native)")]
    BadProficiency { value: String },
    #[error("invalid request: {0}")]
    BadRequest(String),
    #[error("a {from} callback cannot be {event}")]
    Transition { from: CallbackState, event: &'static str },
    #[error("the business calendar of {market:?} has no opening hours")]
    NoBusinessHours { market: String },
    #[error("time out of range: {0}")]
    OutOfRange(String),
}

pub type Result<T, E = ScheduleError> = std::result::Result<T, E>;

impl From<jiff::Error> for ScheduleError {
    fn from(e: jiff::Error) -> Self {
        ScheduleError::OutOfRange(e.to_string())
    }
}
