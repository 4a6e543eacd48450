//! Opening a form: on an application, on a new job seen elsewhere, or on
//! the profile.

use super::{Field, FieldKey, Form};
use crate::catalog::City;
use crate::config;
use crate::tracker::dates::format_datetime;
use crate::tracker::{Application, DOCUMENTS};

impl Form {
    /// A form for an existing application (as just read from the store);
    /// `prep` are its role's skills.
    pub fn edit(a: &Application, prep: &[String]) -> Form {
        let notes = Field::text(
            FieldKey::Notes,
            "Notes",
            &a.notes,
            "Enter starts a new line",
        );
        let mut fields = vec![
            notes,
            Field::text(FieldKey::Contact, "Contact person", &a.contact_name, ""),
            Field::text(FieldKey::Phone, "Phone", &a.contact_phone, ""),
            Field::text(
                FieldKey::FollowUp,
                "Follow-up date",
                &a.follow_up.map(|d| d.to_string()).unwrap_or_default(),
                "YYYY-MM-DD, DD-MM-YYYY, today, tomorrow, +3",
            ),
            Field::text(
                FieldKey::Interview,
                "Interview",
                &a.interview_at
                    .map(format_datetime)
                    .unwrap_or_default()
                    .replace('T', " "),
                "YYYY-MM-DD HH:MM",
            ),
            Field::text(
                FieldKey::Mode,
                "Interview mode",
                a.interview_mode.map(|m| m.id()).unwrap_or(""),
                "in-person, phone or video",
            ),
            Field::text(FieldKey::Place, "Interview place", &a.interview_place, ""),
            Field::text(
                FieldKey::Expected,
                "Expected salary",
                &a.expected_salary
                    .map(|r| r.0.to_string())
                    .unwrap_or_default(),
                "a month: 18000, 25k, or 3 LPA",
            ),
        ];
        for (i, (id, label)) in DOCUMENTS.iter().enumerate() {
            fields.push(Field::check(
                FieldKey::Doc(i),
                label,
                a.documents.iter().any(|d| d == id),
            ));
        }
        for p in prep {
            fields.push(Field::check(
                FieldKey::Prep(p.clone()),
                &format!("Prepare: {p}"),
                a.prep.iter().any(|x| x.eq_ignore_ascii_case(p)),
            ));
        }
        Form {
            app_id: Some(a.id),
            heading: format!("{} · {}", a.title, a.company),
            fields,
            at: 0,
            profile_cities: None,
            base: Some(Box::new(a.clone())),
            saving: false,
            problem: None,
            conflict: None,
        }
    }

    /// A form for a job seen elsewhere.
    pub fn new_app() -> Form {
        Form::blank(
            "Add a job seen elsewhere".into(),
            vec![
                Field::text(FieldKey::Title, "Title", "", "required"),
                Field::text(FieldKey::Company, "Company", "", "required"),
                Field::text(FieldKey::City, "City", "", ""),
                Field::text(
                    FieldKey::Salary,
                    "Salary a month",
                    "",
                    "18000 or 15000-20000 or 2.5 LPA",
                ),
                Field::text(
                    FieldKey::Source,
                    "Seen where",
                    "",
                    "newspaper, notice board, a friend…",
                ),
            ],
            None,
        )
    }

    /// A form for the profile in the config.
    pub fn profile(p: &config::Profile, cities: &[City]) -> Form {
        let list = |v: &[String]| v.join(", ");
        let modes: Vec<String> = p.work_modes.iter().map(|m| m.id().to_string()).collect();
        let expected = match &p.expected_salary {
            Some(config::SalarySpec::Monthly(n)) => n.to_string(),
            Some(config::SalarySpec::Text(s)) => s.clone(),
            None => String::new(),
        };
        Form::blank(
            "Your profile: fit scores, distances and skill gaps come from it".into(),
            vec![
                Field::text(
                    FieldKey::HomeCity,
                    "Home city",
                    p.home_city.as_deref().unwrap_or(""),
                    "e.g. Pune, Bangalore",
                ),
                Field::text(
                    FieldKey::Years,
                    "Experience (years)",
                    &p.experience_years
                        .map(|y| y.to_string())
                        .unwrap_or_default(),
                    "0 for a fresher",
                ),
                Field::text(
                    FieldKey::Skills,
                    "Skills",
                    &list(&p.skills),
                    "comma-separated: Excel, Tally, Typing",
                ),
                Field::text(
                    FieldKey::Expected,
                    "Expected salary",
                    &expected,
                    "a month: 18000, 25k, or 3 LPA",
                ),
                Field::text(
                    FieldKey::Modes,
                    "Work modes",
                    &modes.join(", "),
                    "office, hybrid, remote (empty: any)",
                ),
                Field::text(
                    FieldKey::Languages,
                    "Languages",
                    &list(&p.languages),
                    "English, Hindi, Marathi…",
                ),
                Field::text(
                    FieldKey::Relocate,
                    "Will travel (km)",
                    &p.relocate_km.map(|k| k.to_string()).unwrap_or_default(),
                    "how far you would commute or move",
                ),
            ],
            Some(cities.to_vec()),
        )
    }
}
