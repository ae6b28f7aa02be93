// Package httpx holds what the JSON API and the web interface both need
// of HTTP: the status of each contract error code, and the safe serving of
// attachment bytes. Neither imports the other.
package httpx

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/bouclier/bouclier"
)

// Status maps a contract code to its HTTP status; an unknown code is an
// internal error.
func Status(c bouclier.Code) int {
	switch c {
	case bouclier.ErrInvalidRequest, bouclier.ErrRejectedContent:
		return http.StatusUnprocessableEntity
	case bouclier.ErrInvalidCredentials, bouclier.ErrOTPRequired, bouclier.ErrUnauthenticated:
		return http.StatusUnauthorized
	case bouclier.ErrForbidden, bouclier.ErrPasswordResetRequired, bouclier.ErrMessagingClosed,
		bouclier.ErrRecipientNotAllowed, bouclier.ErrStepUpRequired, bouclier.ErrMFAEnrolmentRequired,
		bouclier.ErrSecurityAckRequired:
		return http.StatusForbidden
	case bouclier.ErrNotFound:
		return http.StatusNotFound
	case bouclier.ErrConflict:
		return http.StatusConflict
	case bouclier.ErrTooLarge:
		return http.StatusRequestEntityTooLarge
	case bouclier.ErrUnsupportedMedia:
		return http.StatusUnsupportedMediaType
	case bouclier.ErrLocked:
		return http.StatusLocked
	case bouclier.ErrThrottled:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

// ServeAttachment sends attachment bytes as a download with the type
// detected from them, sandboxed so that a hostile file cannot run in the
// service's origin.
func ServeAttachment(w http.ResponseWriter, name, contentType string, data []byte) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(name))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; sandbox")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	_, _ = w.Write(data)
}
