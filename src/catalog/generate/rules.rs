//! Who may post what: processing floors, round-the-clock employers, and
//! which roles, terms, modes and shifts an employer may advertise.

use crate::catalog::{Company, CompanyKind, CompanyProfile, Function, Hiring, Role};

/// The functions that are processing floors, where roles hired in
/// batches take many people at once.
pub const FLOOR_FUNCTIONS: &[Function] = &[
    Function::BpoProcess,
    Function::Digitisation,
    Function::Claims,
    Function::UsHealthcare,
    Function::Moderation,
    Function::Annotation,
    Function::Kyc,
    Function::CustomerSupport,
    Function::BankOps,
    Function::PolicyAdmin,
    Function::Orders,
];

/// Whether a company runs a processing floor.
pub fn has_floor(p: &CompanyProfile) -> bool {
    FLOOR_FUNCTIONS.iter().any(|f| p.has(*f))
}

/// The floors that work through the night on back-office cases (written
/// customer support and order desks run late, but not the office work
/// around them).
pub const NIGHT_FLOOR_FUNCTIONS: &[Function] = &[
    Function::BpoProcess,
    Function::Digitisation,
    Function::Claims,
    Function::UsHealthcare,
    Function::Moderation,
    Function::Annotation,
    Function::Kyc,
    Function::PolicyAdmin,
];

/// Whether a company runs a back-office floor through the night.
pub fn has_night_floor(p: &CompanyProfile) -> bool {
    p.round_the_clock && NIGHT_FLOOR_FUNCTIONS.iter().any(|f| p.has(*f))
}

/// Whether a company can post a role: it has one of the role's functions,
/// is in one of its industries and is big enough.
pub fn can_post(
    role: &Role,
    hiring: Option<&Hiring>,
    company: &Company,
    p: Option<&CompanyProfile>,
) -> bool {
    let Some(h) = hiring else {
        return role.industries.contains(&company.industry);
    };
    let Some(p) = p else {
        return false;
    };
    role.industries.contains(&company.industry)
        && p.size >= h.min_size
        && p.size <= h.max_size
        && h.functions.iter().any(|f| p.has(*f))
}

/// Whether a role can be worked away from the office at this employer.
pub fn remote_allowed(role: &Role, kind: CompanyKind) -> bool {
    role.remote_share > 0.0
        && !matches!(kind, CompanyKind::PsuGovernment | CompanyKind::Cooperative)
}

/// Whether a role works night or rotational shifts at this employer.
pub fn shifts_allowed(role: &Role, h: Option<&Hiring>, p: Option<&CompanyProfile>) -> bool {
    let floor_only = h.is_some_and(|h| h.nights_on_floor_only);
    role.night_shift_share > 0.0
        && p.is_some_and(|p| p.round_the_clock && (!floor_only || has_night_floor(p)))
}

/// The function a role shares with a company, if any (for tests and
/// reports).
pub fn shared_function(h: &Hiring, p: &CompanyProfile) -> Option<Function> {
    h.functions.iter().copied().find(|f| p.has(*f))
}
