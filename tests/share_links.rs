//! Permalinks: every released link version keeps opening, any state
//! survives the round trip, and no input makes the decoder panic.
#![cfg(not(target_arch = "wasm32"))]

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine as _};
use proptest::prelude::*;
use statuslab::core::{
    lint::Profile,
    problem::SchemaInput,
    retry::BackoffSettings,
    share::{decode, encode, SharedState},
    time::UnixTime,
};

/// A link made by the first release of the format (version 1), kept as it
/// was shared: it must open to the same state in every later build.
const LINK_V1: &str = "1.fVBNU8IwEP0rmb1apS1fkhujM3JBGakn4zApXbXQJjHZMiDDf3cLI8PBMcll3768fW_3sAUJs6d5JjrWF-iDmGTZrJPcJMpMbCApwqd1N7jVtatQmTtrCA1dZzuHUmjnqnKpqbSmswrWKL57BWHdKJAKxomCQ4v9aop-3BVz9JtyieLF6I0uK523uveaWG9qTSTSrni0G5HG6UAksYzbJx6mmTLPSH53PX4n9FIkafyfHectC9dXF7aISUdfOrcNybzSZq0g4kZJ1anzl7eWEUhTE5jCATgRROB4b9-aJQrLVQ5yD7kOuKgDyLQfR7DU7lTEfCKo9XahibB2xGAvggJ1UZXm9GNwIgXEAmTSH6WDpDfoDlm4KT6QQJqmqg5MaOcQbhmBy0Q2X-GSjlY9fjWlx4Lx13O0t0Nr2Za8LX8Wq0GOeKjhicNRv5fesofDDw";

fn v1_state() -> SharedState {
    SharedState {
        exchange: "POST /orders HTTP/1.1\nHost: shop.example\nContent-Type: application/json\n\n{\"sku\":\"A1\"}\n\nHTTP/1.1 503 Service Unavailable\nDate: Mon, 23 Nov 2026 10:00:00 GMT\nRetry-After: 120\nContent-Type: application/problem+json\n\n{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503}\n".into(),
        profile: Profile::Zalando,
        backoff: Some(BackoffSettings {
            base_ms: 250,
            cap_ms: 20_000,
            max_attempts: 4,
            deadline_ms: Some(60_000),
            seed: BackoffSettings::DEFAULT_SEED,
            budget: None,
        }),
        schema: Some(SchemaInput {
            text: "{\"type\":\"object\",\"required\":[\"title\"]}".into(),
            pointer: None,
        }),
        cache_moment_s: 90,
        analysed_at: Some(UnixTime(1_795_428_000)),
    }
}

#[test]
fn a_version_1_link_still_opens() {
    assert_eq!(decode(LINK_V1), Ok(v1_state()), "encoded today: {}", encode(&v1_state()));
}

fn any_profile() -> impl Strategy<Value = Profile> {
    prop_oneof![Just(Profile::Rfc), Just(Profile::Zalando)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_state_survives_the_round_trip(
        exchange in any::<String>(),
        profile in any_profile(),
        schema in proptest::option::of((any::<String>(), proptest::option::of(any::<String>()))),
        moment in any::<i64>(),
        at in proptest::option::of(any::<i64>()),
    ) {
        let state = SharedState {
            exchange,
            profile,
            backoff: None,
            schema: schema.map(|(text, pointer)| SchemaInput { text, pointer }),
            cache_moment_s: moment,
            analysed_at: at.map(UnixTime),
        };
        prop_assert_eq!(decode(&encode(&state)), Ok(state));
    }

    #[test]
    fn random_text_is_refused_without_a_panic(text in any::<String>()) {
        let _ = decode(&text);
        let _ = decode(&format!("1.{text}"));
    }

    #[test]
    fn random_bytes_behind_a_valid_header_are_refused_without_a_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..2048),
    ) {
        let _ = decode(&format!("1.{}", URL_SAFE_NO_PAD.encode(&bytes)));
        let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut encoder, &bytes).expect("writes");
        let compressed = encoder.finish().expect("ends");
        let _ = decode(&format!("1.{}", URL_SAFE_NO_PAD.encode(compressed)));
    }
}
