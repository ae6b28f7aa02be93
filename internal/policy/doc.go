// Package policy is Bouclier's messaging-rules engine: time windows, modes,
// suspensions, presets and their explanation. It decides, for one subject at
// one instant, whether that person may send and receive messages, and when
// that changes. Who may write to whom is not decided here.
//
// The package is pure: no database, no I/O, no clock. The caller passes the
// rules and suspensions (Compile), the subject and the instant (Decide,
// Explain). A compiled Set is immutable and safe for concurrent use.
//
// # Vocabulary
//
// Scopes nest: national > académie > establishment > class. A Rule gives a
// Mode (open, receive_only, closed) to some roles at one scope, optionally
// only inside weekly Windows and/or DateRanges. A restrictive rule is either a
// security closure (sending refused, API 403 messaging_closed) or quiet hours
// (messages accepted, delivery deferred to the end of the quiet period).
// A Suspension is an administrator's security closure of a scope for some
// roles, with a reason and an optional end.
//
// A wider scope binds the narrower ones. Narrower scopes may always tighten.
// They loosen with an open rule, which lifts only the wider rules marked
// Adjustable: a rule without Adjustable is a floor that no narrower scope can
// reopen. Validate refuses such an attempt with a French message; Decide
// ignores it anyway (defence in depth).
//
// # Evaluation rules, in the order Decide applies them
//
//  1. An unknown role is refused everything (fail closed).
//  2. The subject's rules and suspensions are those of the national scope,
//     its académie, its establishment and its class (Subject.Class, for the
//     class scope), kept only if they concern its role. A rule or suspension
//     that lists no role concerns every role except academy_admin and
//     national_admin: administrators are bound only by rules and suspensions
//     that name their role, so that they can always manage a crisis.
//  3. The instant is read on the wall clock of the subject's time zone
//     (Subject.Loc, Europe/Paris when nil). Windows and date ranges are wall
//     clock: an instant is inside a window when its local time is. Across a
//     daylight-saving change this means a window 23:00–07:00 lasts 7 hours on
//     the spring-forward night and 9 on the autumn night, a window 02:00–03:00
//     does not happen on the spring-forward night, and covers both
//     occurrences of the repeated hour in autumn.
//  4. A suspension is in force when Since <= t < Until (zero Since or Until:
//     unbounded). It refuses sending to the roles it names, and receiving
//     too when it says so (StopsReceiving). With the urgent flag, a
//     person of the personnel may still send through suspensions of an
//     académie, an establishment or a class, never through a national one,
//     and only through those imposed (Suspension.ImposedBy) at the level of
//     the subject's own authority (Subject.Authority) or narrower: a head's
//     urgent send passes the head's own suspension, never the académie's.
//  5. A rule is in force when t falls in one of its date ranges of the
//     subject's holiday zone, if it has ranges, and in one of its weekly
//     windows, if it has windows. A rule with neither is always in force.
//  6. An open rule in force at some scope lifts, for its roles, the
//     Adjustable restrictive rules of strictly wider scopes. Rules that are
//     not Adjustable are never lifted.
//  7. Each remaining restrictive rule in force gives (send, receive):
//     closed+security → (Refuse, Refuse); receive_only+security → (Refuse,
//     Allow); closed+quiet → (Defer, Defer); receive_only+quiet → (Defer,
//     Allow). Each side takes the most restrictive value of all rules and
//     suspensions (Refuse > Defer > Allow).
//  8. With the urgent flag, for the personnel only (teacher, staff, head,
//     administrators), sending is allowed whatever the rules say (windows,
//     quiet hours, permanent closures); receiving is unchanged. The caller
//     sets the flag only for people it has authorised, with a reason, and
//     should audit Decision.Urgent.
//  9. The reason is that of the item that set the send side, else the
//     receive side: a national suspension first, then other suspensions from
//     the widest scope, then the most restrictive rule, widest scope first.
//  10. Looking forward from t, over window and date-range edges, suspension
//     bounds and time-zone transitions, up to Horizon: Until is the first
//     instant at which send or receive changes, DeliverAt the first instant
//     at which sending is allowed outright (when it is deferred now),
//     ReceiveAt likewise for receiving, ReopenAt the first instant at which
//     sending is no longer refused. A zero instant means "not within Horizon".
package policy

import (
	// Time zones must resolve on any machine, including minimal containers
	// without /usr/share/zoneinfo.
	_ "time/tzdata"
)
