// Package bouclier holds the shared vocabulary of the Bouclier school
// messaging service: roles, identifiers, recipient expressions and the
// error type whose codes are part of the public contract (CONTRACT.md).
//
// Everything else lives in internal packages that import this one; this
// package imports nothing of ours.
package bouclier

import (
	"errors"
	"fmt"
	"strings"
)

// Role is what a person is in the directory. The values are part of the
// contract and appear as-is in the API.
type Role string

// The roles of the contract.
const (
	RoleStudent       Role = "student"
	RoleParent        Role = "parent"
	RoleTeacher       Role = "teacher"
	RoleStaff         Role = "staff"
	RoleHead          Role = "head"
	RoleAcademyAdmin  Role = "academy_admin"
	RoleNationalAdmin Role = "national_admin"
)

// Roles lists every role, narrowest first.
var Roles = []Role{RoleStudent, RoleParent, RoleTeacher, RoleStaff, RoleHead, RoleAcademyAdmin, RoleNationalAdmin}

// Valid reports whether r is one of the contract's roles.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if r == x {
			return true
		}
	}
	return false
}

// IsAdult reports whether the role belongs to an adult (everyone but students).
func (r Role) IsAdult() bool { return r != RoleStudent && r.Valid() }

// IsFamily reports whether the role is a student or a parent.
func (r Role) IsFamily() bool { return r == RoleStudent || r == RoleParent }

// IsPersonnel reports whether the role belongs to the establishment's or the
// administration's personnel, who must use a second factor.
func (r Role) IsPersonnel() bool {
	switch r {
	case RoleTeacher, RoleStaff, RoleHead, RoleAcademyAdmin, RoleNationalAdmin:
		return true
	}
	return false
}

// ParseRole parses a role name.
func ParseRole(s string) (Role, error) {
	r := Role(strings.TrimSpace(s))
	if !r.Valid() {
		return "", Errorf(ErrInvalidRequest, "rôle inconnu : %q", s)
	}
	return r, nil
}

// RecipientKind is the kind of a recipient expression.
type RecipientKind string

// The recipient kinds of the contract, plus the teachers of a class.
const (
	ToUser     RecipientKind = "user"     // user:NAME
	ToClass    RecipientKind = "class"    // class:UAI/CLASS, the students of a class
	ToParents  RecipientKind = "parents"  // parents:UAI/CLASS, the parents of a class's students
	ToTeachers RecipientKind = "teachers" // teachers:UAI/CLASS, the teachers of a class
	ToStaff    RecipientKind = "staff"    // staff:UAI, the staff and head of an establishment
)

// Recipient is one parsed recipient expression.
type Recipient struct {
	Kind  RecipientKind
	User  string // for ToUser
	UAI   string // for group kinds
	Class string // for class, parents and teachers
}

// IsGroup reports whether the recipient names a group rather than a person.
func (r Recipient) IsGroup() bool { return r.Kind != ToUser }

// String returns the canonical expression.
func (r Recipient) String() string {
	switch r.Kind {
	case ToUser:
		return "user:" + r.User
	case ToStaff:
		return "staff:" + r.UAI
	default:
		return string(r.Kind) + ":" + r.UAI + "/" + r.Class
	}
}

// ParseRecipient parses "user:NAME", "class:UAI/CLASS", "parents:UAI/CLASS",
// "teachers:UAI/CLASS" or "staff:UAI".
func ParseRecipient(s string) (Recipient, error) {
	kind, rest, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok || rest == "" {
		return Recipient{}, Errorf(ErrInvalidRequest, "destinataire invalide : %q", s)
	}
	switch RecipientKind(kind) {
	case ToUser:
		if !ValidName(rest) {
			return Recipient{}, Errorf(ErrInvalidRequest, "destinataire invalide : %q", s)
		}
		return Recipient{Kind: ToUser, User: rest}, nil
	case ToStaff:
		if !ValidName(rest) {
			return Recipient{}, Errorf(ErrInvalidRequest, "destinataire invalide : %q", s)
		}
		return Recipient{Kind: ToStaff, UAI: rest}, nil
	case ToClass, ToParents, ToTeachers:
		uai, class, ok := strings.Cut(rest, "/")
		if !ok || !ValidName(uai) || !ValidName(class) {
			return Recipient{}, Errorf(ErrInvalidRequest, "destinataire invalide : %q", s)
		}
		return Recipient{Kind: RecipientKind(kind), UAI: uai, Class: class}, nil
	}
	return Recipient{}, Errorf(ErrInvalidRequest, "destinataire invalide : %q", s)
}

// ValidName reports whether s is an acceptable identifier: a username, a UAI,
// a class or académie code. Letters, digits, '.', '-' and '_', 1 to 64 bytes.
func ValidName(s string) bool {
	if len(s) == 0 || len(s) > 64 {
		return false
	}
	for _, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.', c == '-', c == '_':
		default:
			return false
		}
	}
	return true
}

// Code is an error code of the contract.
type Code string

// Error codes. Each maps to one HTTP status in the API.
const (
	ErrInvalidRequest        Code = "invalid_request"         // 400 or 422
	ErrInvalidCredentials    Code = "invalid_credentials"     // 401
	ErrOTPRequired           Code = "otp_required"            // 401
	ErrUnauthenticated       Code = "unauthenticated"         // 401
	ErrStepUpRequired        Code = "step_up_required"        // 403
	ErrMFAEnrolmentRequired  Code = "mfa_enrolment_required"  // 403: enrol a second factor first
	ErrSecurityAckRequired   Code = "security_ack_required"   // 403: acknowledge the security instructions first
	ErrForbidden             Code = "forbidden"               // 403
	ErrPasswordResetRequired Code = "password_reset_required" // 403
	ErrMessagingClosed       Code = "messaging_closed"        // 403
	ErrRecipientNotAllowed   Code = "recipient_not_allowed"   // 403
	ErrNotFound              Code = "not_found"               // 404
	ErrConflict              Code = "conflict"                // 409
	ErrTooLarge              Code = "too_large"               // 413
	ErrUnsupportedMedia      Code = "unsupported_media_type"  // 415
	ErrRejectedContent       Code = "rejected_content"        // 422
	ErrLocked                Code = "locked"                  // 423
	ErrThrottled             Code = "throttled"               // 429
	ErrInternal              Code = "internal"                // 500
)

// Error is an error whose code and message are safe to show to users.
// The cause, if any, is for the logs only.
type Error struct {
	Code    Code
	Message string // in French, shown to the user
	Cause   error  // never shown
}

func (e *Error) Error() string {
	if e.Cause != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.Cause)
	}
	return string(e.Code) + ": " + e.Message
}

func (e *Error) Unwrap() error { return e.Cause }

// Errorf returns an *Error with a formatted message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the contract code of err, or ErrInternal when err carries none.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ErrInternal
}

// ErrorMessage returns the user-facing message of err, or a generic one.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "Erreur interne. Réessayez plus tard."
}

// Academie is a regional education authority; its time zone is the one its
// establishments live in.
type Academie struct {
	ID       string // "versailles"
	Name     string
	TimeZone string // IANA name, "Europe/Paris"
}

// Establishment is a school, identified by its UAI code.
type Establishment struct {
	UAI      string
	Name     string
	Academie string
}

// User is a person in the directory.
type User struct {
	ID          int64
	Username    string
	DisplayName string
	Role        Role
	Academie    string // set for everyone attached below the national level
	UAI         string // establishment, when the role has one
	Class       string // a student's class
	// Civility is « M. » or « Mme » as the directory gives it (AAF
	// personalTitle, the CSV's civilite), "" when unknown: labels and
	// agreement follow it, never a guess from the first name.
	Civility  string
	Email     string
	ReadOnly  bool // may read but not send (probation, containment)
	MustReset bool // must set a new password at next login
	Disabled  bool
}

// Message is a message as stored once, whatever the number of recipients.
type Message struct {
	ID       int64
	ThreadID int64
	ParentID int64 // 0 for the first message of a thread
	SenderID int64
	Sender   string // username, filled by queries that join it
	// SenderName and SenderRole present the sender as a person, filled
	// with Sender.
	SenderName string
	SenderRole Role
	Subject    string
	Body       string
	To         []string // the recipient expressions as written
	Status     MessageStatus
	Score      float64
	Reasons    []string
	SentAt     int64 // unix microseconds
	DeliverAt  int64 // unix microseconds; for deferred messages
	Recalled   bool

	// Where the message comes from (the sender's establishment and
	// académie) and a digest of its normalised text, to find its copies.
	UAI         string
	Academie    string
	Fingerprint string
}

// MessageStatus is where a message stands.
type MessageStatus string

// Message statuses.
const (
	StatusDelivered MessageStatus = "delivered"
	StatusHeld      MessageStatus = "held"
	StatusDeferred  MessageStatus = "deferred"
	StatusRejected  MessageStatus = "rejected"
)

// Scope returns the narrowest administrative scope a user belongs to:
// "establishment:UAI", "academie:ID" or "national".
func (u User) Scope() string {
	switch {
	case u.UAI != "":
		return "establishment:" + u.UAI
	case u.Academie != "":
		return "academie:" + u.Academie
	}
	return "national"
}
