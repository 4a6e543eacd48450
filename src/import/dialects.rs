//! The CSV files people actually have, read by their own column names:
//! backdesk's export, JobSpy's output, Naukri scrapes and Glassdoor
//! exports. Each column name is mapped to the one backdesk reads; the rest
//! are listed in the report.

/// A header as a key: lowercase, runs of other characters as `_`.
fn key(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_string()
}

/// The column a header names, by the names the known dialects use:
///
/// | column | backdesk | JobSpy | Naukri scrapes | Glassdoor |
/// |---|---|---|---|---|
/// | title | `title` | `title` | `Title`, `Designation Name`, `Position` | `Job Title` |
/// | company | `company` | `company` | `Company`, `Company_Name` | `Company Name` |
/// | location | `city`, `state` | `location` | `Location` | `Location` |
/// | salary | `salary_min`, `salary_max`, `salary_period`, `currency`, `salary` | `min_amount`, `max_amount`, `interval`, `currency` | `Salary` | `Salary Estimate` |
/// | experience | `experience_min`, `experience_max`, `experience` | `experience_range` | `Experience`, `Expirience`, `Experience_Needed` | |
/// | posted | `posted` | `date_posted` | `Posted`, `Posting_Time` ("3 Days Ago") | |
/// | url | `url` | `job_url`, `job_url_direct` | `URL`, `Vacancy_Link` | |
/// | remote | `work_mode` | `is_remote`, `work_from_home_type` | | |
pub fn canonical(header: &str) -> String {
    let k = key(header);
    let name = match k.as_str() {
        "job_title" | "position" | "designation" | "designation_name" | "job_name" => "title",
        "company_name" | "employer" | "organisation" | "organization" | "hiring_company" => {
            "company"
        }
        "location" | "job_location" | "locations" | "place" => "location",
        "apply_url" | "link" | "job_url" | "vacancy_link" | "job_link" | "job_posting_url" => "url",
        "job_url_direct" | "apply_link" => "url_direct",
        "date_posted" | "posted_on" | "posting_time" | "posted_date" | "post_date" => "posted",
        "job_id" => "identifier",
        "mode" | "work_from_home_type" | "workplace_type" | "remote_type" => "work_mode",
        "is_remote" | "remote" => "remote",
        "employment" | "job_type" | "employment_types" => "employment_type",
        "min_amount" | "min_salary" | "salary_from" => "salary_min",
        "max_amount" | "max_salary" | "salary_to" => "salary_max",
        "interval" | "pay_period" | "salary_interval" => "salary_period",
        "salary_estimate" | "salary_range" | "ctc" | "package" | "pay" => "salary",
        "expirience" | "experience_needed" | "experience_range" | "experience_required" | "exp" => {
            "experience"
        }
        "key_skills" | "tags" | "tags_and_skills" => "skills",
        "vacancy_count" | "vacancies" | "no_of_openings" => "openings",
        "emails" | "email" => "contact_email",
        "job_description" | "jd" => "description",
        other => other,
    };
    name.to_string()
}

/// How the report names a column that is not read: as the file writes
/// it, or by its place when it has no name (pandas' index column).
pub fn shown(raw: &str, index: usize) -> String {
    let t = raw.trim();
    if t.is_empty() {
        format!("(unnamed column {})", index + 1)
    } else {
        t.to_string()
    }
}

/// A company cell without the rating Glassdoor exports put on a line of
/// its own after the name ("Tecolote Research\n3.8").
pub fn company_name(cell: &str) -> String {
    let mut lines: Vec<&str> = cell
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    while lines.len() > 1
        && lines
            .last()
            .and_then(|l| l.parse::<f64>().ok())
            .is_some_and(|r| (0.0..=5.0).contains(&r))
    {
        lines.pop();
    }
    lines.join(" ")
}

/// What a location cell says besides the place: `Remote`, `Work from
/// home`, a `Hybrid - ` or `Remote - ` prefix (as Naukri writes it).
pub struct LocationCell<'a> {
    pub place: Option<&'a str>,
    pub remote: bool,
    pub hybrid: bool,
}

pub fn location_cell(cell: &str) -> LocationCell<'_> {
    let mut place = cell.trim();
    let mut remote = false;
    let mut hybrid = false;
    for (prefix, is_hybrid) in [("hybrid", true), ("remote", false), ("wfh", false)] {
        if place.len() > prefix.len()
            && place.is_char_boundary(prefix.len())
            && place[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            let rest = place[prefix.len()..].trim_start();
            if let Some(r) = rest.strip_prefix(['-', '–', ':', '|', '/']) {
                place = r.trim();
                hybrid |= is_hybrid;
                remote |= !is_hybrid;
            }
        }
    }
    let l = place.to_lowercase();
    if ["remote", "work from home", "wfh", "anywhere", "remote job"].contains(&l.as_str()) {
        return LocationCell {
            place: None,
            remote: true,
            hybrid,
        };
    }
    LocationCell {
        place: (!place.is_empty()).then_some(place),
        remote,
        hybrid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_of_each_dialect() {
        assert_eq!(canonical("Job Title"), "title");
        assert_eq!(canonical("Company Name"), "company");
        assert_eq!(canonical("Salary Estimate"), "salary");
        assert_eq!(canonical("min_amount"), "salary_min");
        assert_eq!(canonical("interval"), "salary_period");
        assert_eq!(canonical("Expirience"), "experience");
        assert_eq!(canonical("Experience_Needed"), "experience");
        assert_eq!(canonical("Posting_Time"), "posted");
        assert_eq!(canonical("URL"), "url");
        assert_eq!(canonical("is_remote"), "remote");
        assert_eq!(canonical("Rating"), "rating");
        assert_eq!(canonical(""), "");
        assert_eq!(shown("", 0), "(unnamed column 1)");
    }

    #[test]
    fn glassdoor_company_cells() {
        assert_eq!(company_name("Tecolote Research\n3.8"), "Tecolote Research");
        assert_eq!(company_name("Logic20/20\n3.8"), "Logic20/20");
        assert_eq!(company_name("7-Eleven"), "7-Eleven");
        assert_eq!(company_name("3M"), "3M");
    }

    #[test]
    fn location_cells_with_work_modes() {
        let c = location_cell("Hybrid - Pune, Maharashtra(Baner)");
        assert_eq!(
            (c.place, c.hybrid, c.remote),
            (Some("Pune, Maharashtra(Baner)"), true, false)
        );
        let c = location_cell("Remote");
        assert_eq!((c.place, c.remote), (None, true));
        let c = location_cell("Remoteville");
        assert_eq!((c.place, c.remote), (Some("Remoteville"), false));
    }
}
