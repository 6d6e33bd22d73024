use wasm_bindgen::{closure::Closure, JsCast};
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
        let listener = Closure::<dyn Fn()>::new(move || {
            dispatcher.dispatch(Action::Navigate(Route::parse(&browser::hash())));
        });
        let window = browser::window();
        if let Some(window) = &window {
            let _ = window
                .add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(window) = window {
                let _ = window.remove_event_listener_with_callback(
                    "hashchange",
                    listener.as_ref().unchecked_ref(),
                );
            }
        }
    });
}
