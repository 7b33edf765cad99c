// Package hasim is a Home Assistant simulator for LEE's tests and for manual
// runs of the relay: an http.Handler, or a loopback server (optionally over
// TLS), that answers Home Assistant's REST API and its Alexa integration
// (/api/alexa/smart_home for Smart Home v3 directives, /api/alexa for custom
// skills) the way a real Home Assistant does for a small demo home, and that
// can be told to misbehave request by request: error statuses, HTML login
// or challenge pages, truncated or invalid JSON, huge bodies, delays, reset
// connections, a protocol switch (101), bytes after the answer's end, a
// connection dropped without an answer.
//
// Every request to a Home Assistant path is recorded without its token
// (only whether one was sent and which configured token matched), so tests
// can assert that Home Assistant was not called, or called exactly once.
// The /_sim/ paths (faults, request log, reset) exist only in the
// simulator, need no token and are not recorded; they drive a simulator
// that runs as a separate process (lee ha-sim).
//
// # Demo home
//
// light.kitchen (dimmable, colour), light.living_room (on/off),
// switch.fan, lock.front_door, climate.thermostat (off/heat/cool/heat_cool,
// 7–35 °C), sensor.temperature (°C), scene.movie_night and
// script.good_night (a script, because Home Assistant scenes cannot be
// deactivated). Alexa knows them as light#kitchen and so on. For Amazon's
// sample directives, which all name "endpoint-001", that id is an alias
// resolved by the directive's interface (lock, scene, thermostat, else the
// kitchen light); aliases are never discovered.
//
// # Where it knowingly differs from Home Assistant
//
//   - Services apply at once, so an answer reports the new state; Home
//     Assistant calls them without waiting and may report the old one.
//   - Every context property carries timeOfSample and
//     uncertaintyInMilliseconds (Home Assistant leaves them out of the
//     lockState and setpoint it adds by hand), so every answer matches
//     Amazon's schema.
//   - UNSUPPORTED_THERMOSTAT_MODE uses the Alexa.ThermostatController
//     namespace, as the schema requires; Home Assistant sends "Alexa".
//   - Only the demo home's domains, services and directives exist; any
//     other directive gets Home Assistant's answer to an unsupported one
//     (INTERNAL_ERROR with an empty message).
package hasim
