//! Every lint rule against its own examples from `data/lint-rules*.toml`:
//! the `fail` exchange triggers exactly the rules it lists (`triggers`, by
//! default the rule alone), the `pass` exchange triggers no rule at all, and
//! where the rule offers an automatic fix, `fixed` is the exchange after it.
//! Also checks that texts and checks match one to one, and that the presets
//! say what they are meant to say.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use serde::Deserialize;
use statuslab::core::{
    exchange::{parse_input, Exchange},
    export::to_raw,
    lint::{checked_rule_ids, lint, rule_texts, Profile, Severity},
    presets,
};

#[derive(Deserialize)]
struct RuleExamples {
    id: String,
    fail: String,
    pass: String,
    /// Every rule the `fail` example triggers, any severity, RFC profile;
    /// absent means the rule alone.
    #[serde(default)]
    triggers: Option<Vec<String>>,
    /// The `fail` exchange after the rule's own automatic fix, as raw HTTP.
    #[serde(default)]
    fixed: Option<String>,
}

impl RuleExamples {
    /// The rules the `fail` example must trigger, sorted.
    fn expected_triggers(&self) -> BTreeSet<String> {
        match &self.triggers {
            Some(listed) => listed.iter().cloned().collect(),
            None => BTreeSet::from([self.id.clone()]),
        }
    }
}

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    rule: Vec<RuleExamples>,
}

fn examples() -> Vec<RuleExamples> {
    let mut rules = Vec::new();
    for text in
        [include_str!("../data/lint-rules.toml"), include_str!("../data/lint-rules-fields.toml")]
    {
        rules.extend(toml::from_str::<File>(text).expect("the lint rule files parse").rule);
    }
    rules
}

fn ids_found(raw: &str, profile: Profile) -> Vec<String> {
    let parsed = parse_input(raw).unwrap_or_else(|e| panic!("example does not parse: {e}\n{raw}"));
    parsed.exchanges.iter().flat_map(|e| lint(e, profile)).map(|f| f.id.to_string()).collect()
}

/// The one exchange of a rule's example.
fn one_exchange(rule: &str, which: &str, raw: &str) -> Exchange {
    let parsed = parse_input(raw)
        .unwrap_or_else(|e| panic!("{rule}: the {which} example does not parse: {e}"));
    let [exchange] = <[Exchange; 1]>::try_from(parsed.exchanges).unwrap_or_else(|all| {
        panic!("{rule}: the {which} example has {} exchanges, not one", all.len())
    });
    exchange
}

/// Each rule's `pass` example is a model: no finding at all, of any rule
/// and any severity.
#[test]
fn pass_examples_trigger_no_rule_at_all() {
    let rules = examples();
    let failures: Vec<String> = rules
        .iter()
        .filter_map(|rule| {
            let found: BTreeSet<String> = ids_found(&rule.pass, Profile::Rfc).into_iter().collect();
            (!found.is_empty()).then(|| format!("{}: the pass example triggers {found:?}", rule.id))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} pass examples trigger rules:\n{}",
        failures.len(),
        rules.len(),
        failures.join("\n")
    );
}

/// Each rule's `fail` example triggers exactly the rules in its `triggers`
/// list (the rule alone when there is none), each at least once.
#[test]
fn fail_examples_trigger_exactly_their_listed_rules() {
    let rules = examples();
    let known: BTreeSet<&str> = rule_texts().iter().map(|t| t.id.as_ref()).collect();
    let mut failures = Vec::new();
    for rule in &rules {
        if let Some(listed) = &rule.triggers {
            let unique: BTreeSet<&String> = listed.iter().collect();
            if unique.len() != listed.len() {
                failures.push(format!("{}: `triggers` repeats an id: {listed:?}", rule.id));
            }
            if !listed.contains(&rule.id) {
                failures.push(format!("{}: `triggers` leaves out the rule itself", rule.id));
            }
            if listed.len() == 1 {
                failures
                    .push(format!("{}: `triggers` lists only the rule itself; drop it", rule.id));
            }
            let unknown: Vec<&String> =
                listed.iter().filter(|id| !known.contains(id.as_str())).collect();
            if !unknown.is_empty() {
                failures.push(format!("{}: `triggers` names unknown rules {unknown:?}", rule.id));
            }
        }
        let expected = rule.expected_triggers();
        let found: BTreeSet<String> = ids_found(&rule.fail, Profile::Rfc).into_iter().collect();
        if found != expected {
            let extra: Vec<&String> = found.difference(&expected).collect();
            let missing: Vec<&String> = expected.difference(&found).collect();
            failures.push(format!(
                "{}: the fail example triggers {found:?}; unexpected {extra:?}, missing {missing:?}",
                rule.id
            ));
        }
    }
    assert_eq!(rules.len(), known.len(), "every rule has examples");
    println!("checked the fail and pass examples of {} rules", rules.len());
    assert!(
        failures.is_empty(),
        "{} of {} fail examples disagree with their rules' `triggers`:\n{}",
        failures.len(),
        rules.len(),
        failures.join("\n")
    );
}

/// Where a rule's own finding on its `fail` example carries an automatic
/// fix, `fixed` is the exchange after applying it (that fix only, not the
/// fixes of other rules the example triggers); without one, there is no
/// `fixed`. The exchanges are compared parsed, not as text.
#[test]
fn fixed_examples_are_what_the_autofix_produces() {
    let rules = examples();
    let mut failures = Vec::new();
    let mut compared = 0;
    for rule in &rules {
        let exchange = one_exchange(&rule.id, "fail", &rule.fail);
        let fixes: Vec<_> = lint(&exchange, Profile::Rfc)
            .into_iter()
            .filter(|f| f.id == rule.id)
            .filter_map(|f| f.autofix)
            .collect();
        let mut after = exchange.clone();
        fixes.iter().for_each(|fix| fix.apply(&mut after));
        match (&rule.fixed, fixes.is_empty()) {
            (None, true) => {}
            (Some(_), true) => failures.push(format!(
                "{}: has `fixed`, but its fail example offers no automatic fix",
                rule.id
            )),
            (None, false) => {
                failures.push(format!(
                    "{}: its fail example offers \"{}\"; add `fixed`:\n{}",
                    rule.id,
                    fixes[0].label,
                    to_raw(&after)
                ));
            }
            (Some(fixed), false) => {
                compared += 1;
                if one_exchange(&rule.id, "fixed", fixed) != after {
                    failures.push(format!(
                        "{}: `fixed` is not what \"{}\" makes of the fail example, which is:\n{}",
                        rule.id,
                        fixes[0].label,
                        to_raw(&after)
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rules disagree with their `fixed` example:\n{}",
        failures.len(),
        rules.len(),
        failures.join("\n")
    );
    assert!(compared >= 20, "only {compared} fixes were compared with `fixed`");
}

#[test]
fn every_rule_fails_its_fail_example_and_passes_its_pass_example() {
    let mut failures = Vec::new();
    for rule in examples() {
        let on_fail = ids_found(&rule.fail, Profile::Rfc);
        if !on_fail.contains(&rule.id) {
            failures.push(format!(
                "{}: the fail example does not trigger it (found {on_fail:?})",
                rule.id
            ));
        }
        let on_pass = ids_found(&rule.pass, Profile::Rfc);
        if on_pass.contains(&rule.id) {
            failures.push(format!("{}: the pass example triggers it", rule.id));
        }
    }
    assert!(
        failures.is_empty(),
        "{} rule(s) disagree with their examples:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn texts_and_checks_match_one_to_one() {
    let texts: Vec<&str> = rule_texts().iter().map(|r| r.id.as_ref()).collect();
    let checks: Vec<&str> = checked_rule_ids().collect();
    for id in &texts {
        assert!(checks.contains(id), "{id} has a text but no check");
    }
    for id in &checks {
        assert!(texts.contains(id), "{id} has a check but no text");
    }
    assert!(texts.len() >= 44);
}

#[test]
fn every_finding_carries_reason_spec_and_fix() {
    for rule in rule_texts() {
        assert!(!rule.why.is_empty() && !rule.fix.is_empty(), "{}", rule.id);
        assert!(rule.spec.url.starts_with("https://"), "{}", rule.id);
    }
}

#[test]
fn the_zalando_profile_changes_severity_and_says_why() {
    let raw = "GET /orders/7 HTTP/1.1\nAccept: application/json\n\nHTTP/1.1 404 Not Found\nContent-Type: application/json\n\n{\"message\":\"no such order\"}";
    let exchange = &parse_input(raw).expect("parses").exchanges[0];
    let rfc = lint(exchange, Profile::Rfc);
    let zalando = lint(exchange, Profile::Zalando);
    let find = |findings: &[statuslab::core::lint::Finding]| {
        findings.iter().find(|f| f.id == "error-body-not-problem-details").cloned()
    };
    let (Some(rfc), Some(zalando)) = (find(&rfc), find(&zalando)) else {
        panic!("both profiles report the non-problem error body");
    };
    assert!(rfc.profile_note.is_none());
    assert!(zalando.profile_note.is_some_and(|n| !n.is_empty()));
    assert!(zalando.severity <= rfc.severity);
}

/// Every rule's severity under each profile is exactly what its text says:
/// the RFC keyword's, or the profile's raise with its reason.
#[test]
fn severities_per_profile_are_exact() {
    let texts = rule_texts();
    for rule in examples() {
        let text = texts.iter().find(|t| t.id == rule.id).expect("a text per example");
        for exchange in parse_input(&rule.fail).expect("parses").exchanges {
            for (profile, expected, note) in [
                (Profile::Rfc, text.severity, None),
                (
                    Profile::Zalando,
                    text.zalando.as_ref().and_then(|z| z.severity).unwrap_or(text.severity),
                    text.zalando.as_ref().map(|z| z.note.to_string()),
                ),
            ] {
                let finding = lint(&exchange, profile)
                    .into_iter()
                    .find(|f| f.id == rule.id)
                    .unwrap_or_else(|| panic!("{}: fail example under {profile:?}", rule.id));
                assert_eq!(finding.severity, expected, "{} under {profile:?}", rule.id);
                assert_eq!(finding.profile_note.map(|n| n.to_string()), note, "{}", rule.id);
            }
        }
    }
}

#[test]
fn autofixes_remove_their_finding() {
    for rule in examples() {
        let parsed = parse_input(&rule.fail).expect("parses");
        for exchange in parsed.exchanges {
            for finding in lint(&exchange, Profile::Rfc).into_iter().filter(|f| f.id == rule.id) {
                let Some(fix) = finding.autofix else { continue };
                let mut fixed = exchange.clone();
                fix.apply(&mut fixed);
                let after: Vec<String> =
                    lint(&fixed, Profile::Rfc).iter().map(|f| f.id.to_string()).collect();
                assert!(
                    !after.contains(&rule.id),
                    "{}: \"{}\" does not fix it",
                    rule.id,
                    fix.label
                );
            }
        }
    }
}

#[test]
fn presets_parse_and_the_good_ones_have_no_errors() {
    assert!(presets::all().len() >= 17);
    for preset in presets::all() {
        let parsed =
            parse_input(preset.exchange_text()).unwrap_or_else(|e| panic!("{}: {e}", preset.id));
        assert_eq!(parsed.exchanges.len(), 1, "{}", preset.id);
        let findings = lint(&parsed.exchanges[0], Profile::Rfc);
        let errors: Vec<String> = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| format!("{}: {}", f.id, f.message))
            .collect();
        if preset.group == "Anti-patterns" || preset.id.ends_with("-wrong") {
            // An anti-pattern triggers exactly the rules it is there to show.
            let mut found: Vec<&str> = findings.iter().map(|f| f.id.as_ref()).collect();
            found.sort_unstable();
            let mut listed: Vec<&str> = preset.triggers.iter().map(|t| t.as_ref()).collect();
            listed.sort_unstable();
            assert!(!listed.is_empty(), "{}: an anti-pattern preset lists its rules", preset.id);
            assert_eq!(found, listed, "{}", preset.id);
        } else {
            // A good preset is a model: no finding at all.
            assert!(errors.is_empty(), "{}: {errors:?}", preset.id);
            let any: Vec<&str> = findings.iter().map(|f| f.id.as_ref()).collect();
            assert!(any.is_empty(), "{}: {any:?}", preset.id);
        }
    }
}

/// Every automatic fix, applied wherever it is offered (each rule's
/// examples and every preset), leaves no new warning or error behind: a fix
/// that breaks another rule teaches the wrong thing.
#[test]
fn fixes_never_break_another_rule() {
    let mut exchanges: Vec<(String, statuslab::core::exchange::Exchange)> = Vec::new();
    for rule in examples() {
        for text in [&rule.fail, &rule.pass] {
            for exchange in parse_input(text).expect("parses").exchanges {
                exchanges.push((format!("{} example", rule.id), exchange));
            }
        }
    }
    for preset in presets::all() {
        for exchange in parse_input(preset.exchange_text()).expect("parses").exchanges {
            exchanges.push((format!("preset {}", preset.id), exchange));
        }
    }
    let serious = |e: &statuslab::core::exchange::Exchange| -> Vec<String> {
        lint(e, Profile::Rfc)
            .into_iter()
            .filter(|f| f.severity <= Severity::Warning)
            .map(|f| f.id.to_string())
            .collect()
    };
    let mut broken = Vec::new();
    let mut applied = 0;
    for (source, exchange) in &exchanges {
        let before = serious(exchange);
        for finding in lint(exchange, Profile::Rfc) {
            let Some(fix) = finding.autofix else { continue };
            let mut fixed = exchange.clone();
            fix.apply(&mut fixed);
            applied += 1;
            let new: Vec<String> =
                serious(&fixed).into_iter().filter(|id| !before.contains(id)).collect();
            if !new.is_empty() {
                broken.push(format!("{source}: \"{}\" ({}) adds {new:?}", fix.label, finding.id));
            }
        }
    }
    assert!(applied >= 20, "only {applied} fixes were tried");
    assert!(
        broken.is_empty(),
        "{} fix(es) break another rule:\n{}",
        broken.len(),
        broken.join("\n")
    );
}

/// A finding about one field of a pasted message points at that field's
/// line, on the side it concerns.
#[test]
fn field_findings_point_at_their_line() {
    let raw = "GET /a HTTP/1.1\nHost: a\nCache-Control: max-age=\"5\"\n\nHTTP/1.1 200 OK\nDate: Mon, 23 Nov 2026 10:00:00 GMT\nContent-Type: text/plain\nAge: -3\nCache-Control: max-age=\"60\"\n\nok";
    let exchange = &parse_input(raw).expect("parses").exchanges[0];
    let findings = lint(exchange, Profile::Rfc);
    let line_of = |id: &str, side: &str| {
        findings.iter().find(|f| f.id == id && f.message.starts_with(side)).and_then(|f| f.line)
    };
    assert_eq!(findings.iter().find(|f| f.id == "age-invalid").and_then(|f| f.line), Some(8));
    assert_eq!(line_of("cache-control-syntax", "The response"), Some(9));
    assert_eq!(line_of("cache-control-syntax", "The request"), Some(3));
}
