use gloo_events::EventListener;
use yew::prelude::*;

use crate::core::route::Route;
use crate::state::Action;
use crate::ui::{browser, context::AppReducer};

/// Keeps the state's route in step with `location.hash`: links, the Back
/// button and edited addresses all arrive as `hashchange` events.
///
/// ```ignore
/// let state = use_reducer(|| AppReducer::new(route, theme));
/// use_hash_route(state.dispatcher());
/// ```
#[hook]
pub fn use_hash_route(dispatcher: UseReducerDispatcher<AppReducer>) {
    use_effect_with((), move |_| {
        // Dropping the listener (when the app unmounts) removes it.
        let listener = browser::window().map(|window| {
            EventListener::new(&window, "hashchange", move |_| {
                dispatcher.dispatch(Action::Navigate(Route::parse(&browser::hash())));
            })
        });
        move || drop(listener)
    });
}
