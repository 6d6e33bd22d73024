//! The corpus of request/response pairs the cache engine is compared and
//! measured on: generated combinations of methods, statuses, directives,
//! dates in all three forms and request headers, plus hand-written edge
//! cases. Shared by the differential test, the native benchmark and the
//! benchmark in a browser worker, so all three judge the same exchanges.
#![allow(dead_code)]

use serde::Serialize;
use statuslab::core::exchange::{Exchange, Headers, Request, Response};
use statuslab::core::headers::date::{format_imf_fixdate, Timestamp};

/// Mon, 24 Nov 2025 16:00:00 GMT.
pub const NOW: i64 = 1_764_000_000;

#[derive(Debug, Clone, Serialize)]
pub struct Case {
    pub id: usize,
    pub method: String,
    pub url: String,
    pub request_headers: Vec<(String, String)>,
    pub status: u16,
    pub response_headers: Vec<(String, String)>,
    pub received_at_ms: i64,
    pub now_ms: i64,
}

pub fn imf(at: i64) -> String {
    format_imf_fixdate(Timestamp(at))
}

/// The same instant as an RFC 850 date: "Monday, 24-Nov-25 17:00:00 GMT".
pub fn rfc850(at: i64) -> String {
    let imf = imf(at);
    let parts: Vec<&str> = imf.split(' ').collect();
    let day = match parts[0].trim_end_matches(',') {
        "Mon" => "Monday",
        "Tue" => "Tuesday",
        "Wed" => "Wednesday",
        "Thu" => "Thursday",
        "Fri" => "Friday",
        "Sat" => "Saturday",
        _ => "Sunday",
    };
    format!("{day}, {}-{}-{} {} GMT", parts[1], parts[2], &parts[3][2..], parts[4])
}

/// The same instant as an asctime date: "Mon Nov 24 17:00:00 2025".
pub fn asctime(at: i64) -> String {
    let imf = imf(at);
    let parts: Vec<&str> = imf.split(' ').collect();
    let day: u32 = parts[1].parse().expect("IMF-fixdate has a numeric day");
    format!("{} {} {day:>2} {} {}", parts[0].trim_end_matches(','), parts[2], parts[4], parts[3])
}

/// splitmix64, so the corpus is the same on every run.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

const METHODS: [&str; 4] = ["GET", "HEAD", "POST", "PUT"];
const STATUSES: [u16; 16] =
    [200, 203, 204, 206, 301, 302, 304, 307, 308, 404, 405, 410, 414, 500, 501, 503];
const DIRECTIVES: [&str; 14] = [
    "",
    "max-age=3600",
    "max-age=0",
    "s-maxage=600",
    "s-maxage=600, max-age=60",
    "no-store",
    "no-cache",
    "no-cache, max-age=600",
    "private",
    "private, max-age=600",
    "public",
    "public, max-age=600",
    "must-revalidate, max-age=600",
    "public, must-revalidate",
];

pub fn generated() -> Vec<Case> {
    let mut cases = Vec::new();
    for i in 0..960usize {
        let r = mix(i as u64);
        let pick = |shift: u32, n: u64| ((r >> shift) % n) as usize;
        let method = METHODS[(i / STATUSES.len()) % METHODS.len()];
        let status = STATUSES[i % STATUSES.len()];
        let cc = DIRECTIVES[pick(0, DIRECTIVES.len() as u64)];
        let date_offset = [0, 30, 3_600][pick(8, 3)];
        let has_date = pick(12, 4) != 0;
        let received_at = if has_date { NOW - date_offset } else { NOW };
        let mut response: Vec<(String, String)> = Vec::new();
        if has_date {
            response.push(("Date".into(), imf(received_at)));
        }
        if !cc.is_empty() {
            response.push(("Cache-Control".into(), cc.into()));
        }
        match pick(16, 8) {
            0 => response.push(("Expires".into(), imf(received_at + 7_200))),
            1 => response.push(("Expires".into(), rfc850(received_at + 7_200))),
            2 => response.push(("Expires".into(), asctime(received_at + 7_200))),
            3 => response.push(("Expires".into(), imf(received_at - 7_200))),
            4 => response.push(("Expires".into(), "0".into())),
            _ => {}
        }
        match pick(20, 4) {
            0 => response.push(("Last-Modified".into(), imf(received_at - 10 * 86_400))),
            1 => response.push(("Last-Modified".into(), imf(received_at - 200 * 86_400))),
            _ => {}
        }
        if pick(24, 5) == 0 {
            response.push(("Age".into(), "120".into()));
        }
        if pick(28, 6) == 0 {
            response.push(("Vary".into(), "*".into()));
        }
        let mut request = vec![("Host".to_string(), "example.com".to_string())];
        if pick(32, 4) == 0 {
            request.push(("Authorization".into(), "Bearer token".into()));
        }
        cases.push(Case {
            id: i,
            method: method.into(),
            url: "/resource".into(),
            request_headers: request,
            status,
            response_headers: response,
            received_at_ms: received_at * 1000,
            now_ms: NOW * 1000,
        });
    }
    cases
}

/// (method, request fields, status, response fields).
type EdgeCase<'a> = (&'a str, Vec<(&'a str, &'a str)>, u16, Vec<(&'a str, &'a str)>);

pub fn edge_cases(first_id: usize) -> Vec<Case> {
    let date = imf(NOW);
    let soon = imf(NOW + 3_600);
    let specs: Vec<EdgeCase> = vec![
        ("GET", vec![], 200, vec![("Cache-Control", "private=\"Set-Cookie\", max-age=60")]),
        ("GET", vec![], 200, vec![("Cache-Control", "no-cache=\"Set-Cookie\", max-age=60")]),
        ("GET", vec![], 200, vec![("Cache-Control", "max-age=60"), ("Set-Cookie", "id=1")]),
        ("GET", vec![], 200, vec![("Cache-Control", "public, max-age=60"), ("Set-Cookie", "id=1")]),
        ("GET", vec![], 200, vec![("Cache-Control", "max-age=60, proxy-revalidate")]),
        ("GET", vec![], 200, vec![("Pragma", "no-cache"), ("Date", &date), ("Expires", &soon)]),
        (
            "GET",
            vec![],
            200,
            vec![("Cache-Control", "immutable"), ("Date", &date), ("Expires", &soon)],
        ),
        ("GET", vec![], 200, vec![("Cache-Control", "max-age=60, immutable")]),
        ("GET", vec![], 200, vec![("Cache-Control", "MAX-AGE=60")]),
        (
            "GET",
            vec![],
            200,
            vec![("Cache-Control", "max-age=60"), ("Cache-Control", "max-age=120")],
        ),
        ("GET", vec![], 200, vec![("Cache-Control", "max-age=60, max-age=60")]),
        ("GET", vec![], 200, vec![("Cache-Control", "max-age=60"), ("Vary", "Accept, *")]),
        ("GET", vec![], 200, vec![("Cache-Control", "max-age=60"), ("Vary", "Accept-Encoding")]),
        ("GET", vec![], 200, vec![("Cache-Control", "max-age=60, stale-while-revalidate=30")]),
        ("GET", vec![], 200, vec![("Cache-Control", "max-age=\"60\"")]),
        ("GET", vec![], 200, vec![("Cache-Control", "max-age=abc")]),
        ("GET", vec![], 200, vec![("Cache-Control", "s-maxage=0, max-age=60")]),
        ("GET", vec![], 200, vec![("Cache-Control", "max-age=60"), ("Age", "30")]),
        ("GET", vec![], 200, vec![("Cache-Control", "max-age=60"), ("Age", "90")]),
        ("GET", vec![], 200, vec![("Cache-Control", "max-age=60"), ("Age", "soon")]),
        ("GET", vec![("Cache-Control", "no-store")], 200, vec![("Cache-Control", "max-age=60")]),
        ("GET", vec![("Authorization", "Basic x")], 200, vec![("Cache-Control", "s-maxage=60")]),
        (
            "GET",
            vec![("Authorization", "Basic x")],
            301,
            vec![("Cache-Control", "must-revalidate")],
        ),
        (
            "POST",
            vec![],
            200,
            vec![("Cache-Control", "max-age=60"), ("Content-Location", "/resource")],
        ),
        (
            "POST",
            vec![],
            200,
            vec![("Cache-Control", "max-age=60"), ("Content-Location", "/elsewhere")],
        ),
        ("DELETE", vec![], 200, vec![("Cache-Control", "max-age=60")]),
        ("GET", vec![], 200, vec![("Date", &date), ("Expires", "Mon, 24 Nov 2025 17:00:00 GMT")]),
        ("GET", vec![], 200, vec![("Date", &date), ("Expires", "Monday, 24-Nov-25 17:00:00 GMT")]),
        ("GET", vec![], 200, vec![("Date", &date), ("Expires", "Mon Nov 24 17:00:00 2025")]),
        ("GET", vec![], 200, vec![("Date", &date), ("Expires", &soon), ("Expires", &date)]),
        (
            "GET",
            vec![],
            302,
            vec![
                ("Cache-Control", "public"),
                ("Date", &date),
                ("Last-Modified", "Mon, 24 Nov 2025 15:00:00 GMT"),
            ],
        ),
        (
            "GET",
            vec![],
            200,
            vec![("Date", &date), ("Last-Modified", "Mon, 24 Nov 2025 17:00:00 GMT")],
        ),
    ];
    specs
        .into_iter()
        .enumerate()
        .map(|(i, (method, request, status, response))| {
            let mut request_headers = vec![("Host".to_string(), "example.com".to_string())];
            request_headers.extend(request.iter().map(|(n, v)| (n.to_string(), v.to_string())));
            Case {
                id: first_id + i,
                method: method.into(),
                url: "/resource".into(),
                request_headers,
                status,
                response_headers: response
                    .iter()
                    .map(|(n, v)| (n.to_string(), v.to_string()))
                    .collect(),
                received_at_ms: NOW * 1000,
                now_ms: NOW * 1000,
            }
        })
        .collect()
}

pub fn exchange(case: &Case) -> Exchange {
    let headers = |pairs: &[(String, String)]| {
        let mut h = Headers::default();
        for (n, v) in pairs {
            h.push(n.clone(), v.clone());
        }
        h
    };
    Exchange {
        request: Request {
            method: case.method.clone(),
            target: case.url.clone(),
            headers: headers(&case.request_headers),
            ..Request::default()
        },
        response: Response {
            status: case.status,
            reason: None,
            headers: headers(&case.response_headers),
            ..Response::default()
        },
        request_known: true,
    }
}

/// The whole corpus: the generated cases, then the edge cases.
pub fn corpus() -> Vec<Case> {
    let mut cases = generated();
    let edge = edge_cases(cases.len());
    cases.extend(edge);
    cases
}
