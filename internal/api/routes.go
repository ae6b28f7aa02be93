package api

import (
	_ "embed"
	"net/http"
	"time"

	"github.com/bouclier/bouclier/internal/ackforms"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/campaign"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/moderation"
	"github.com/bouclier/bouclier/internal/rules"
	"github.com/bouclier/bouclier/internal/store"
)

// Services are what the API calls.
type Services struct {
	Auth       *auth.Service
	Messaging  *messaging.Service
	Rules      *rules.Service
	Moderation *moderation.Service
	Directory  *directory.Directory
	DB         *store.DB
	Campaign   *campaign.Detector
	Now        func() time.Time
	PublicURL  string            // for the activation letters
	AckForms   *ackforms.Service // acknowledgements and forms; 500 when nil
}

//go:embed openapi.json
var openapiDoc []byte

// route is one line of the route table; the OpenAPI test checks that the
// document describes exactly these.
type route struct {
	pattern string
	public  bool
	handler http.HandlerFunc
}

func (a *API) table() []route {
	return []route{
		{"POST /api/v1/session", true, a.sessionCreate},
		{"DELETE /api/v1/session", false, a.sessionDelete},
		{"GET /api/v1/me", false, a.me},
		{"POST /api/v1/messages", false, a.messageSend},
		{"GET /api/v1/messages/{id}", false, a.messageGet},
		{"POST /api/v1/messages/{id}/trash", false, a.messageTrash},
		{"DELETE /api/v1/messages/{id}/trash", false, a.messageRestore},
		{"GET /api/v1/inbox", false, a.folder(store.FolderInbox)},
		{"GET /api/v1/sent", false, a.folder(store.FolderSent)},
		{"GET /api/v1/trash", false, a.folder(store.FolderTrash)},
		{"GET /api/v1/drafts", false, a.drafts},
		{"GET /api/v1/attachments/{id}", false, a.attachmentGet},
		{"GET /api/v1/policy", false, a.policyExplain},
		{"GET /api/v1/admin/suspensions", false, a.suspensionList},
		{"POST /api/v1/admin/suspensions", false, a.suspensionCreate},
		{"DELETE /api/v1/admin/suspensions/{id}", false, a.suspensionDelete},
		{"GET /api/v1/admin/rules", false, a.ruleList},
		{"POST /api/v1/admin/rules", false, a.ruleCreate},
		{"DELETE /api/v1/admin/rules/{key}", false, a.ruleDelete},
		{"POST /api/v1/admin/presets", false, a.presetApply},
		{"POST /api/v1/messages/{id}/report", false, a.messageReport},
		{"GET /api/v1/moderation/queue", false, a.moderationQueue},
		{"POST /api/v1/moderation/{id}/release", false, a.moderationRelease},
		{"POST /api/v1/moderation/{id}/reject", false, a.moderationReject},
		{"GET /api/v1/moderation/reports", false, a.moderationReports},
		{"POST /api/v1/admin/messages/{id}/recall", false, a.messageRecall},
		{"POST /api/v1/admin/recalls", false, a.recallMany},
		{"GET /api/v1/admin/messages/{id}/evidence", false, a.messageEvidence},
		{"GET /api/v1/admin/incidents", false, a.incidentList},
		{"GET /api/v1/admin/incidents/{id}", false, a.incidentGet},
		{"POST /api/v1/admin/incidents/{id}/close", false, a.incidentClose},
		{"GET /api/v1/admin/incidents/{id}/evidence", false, a.incidentEvidence},
		{"POST /api/v1/admin/screen/blocked-digests", false, a.blockDigest},
		{"POST /api/v1/admin/screen/allowed-domains", false, a.allowDomain},
		{"GET /api/v1/admin/screen/labels", false, a.screenLabels},
		{"GET /api/v1/admin/audit", false, a.auditList},
		// Read acknowledgements and forms (ackforms.go).
		{"GET /api/v1/messages/{id}/request", false, a.ackRequestGet},
		{"POST /api/v1/messages/{id}/ack", false, a.ackCreate},
		{"POST /api/v1/messages/{id}/answer", false, a.answerCreate},
		{"GET /api/v1/messages/{id}/results", false, a.resultsGet},
		{"GET /api/v1/messages/{id}/results.csv", false, a.resultsCSV},
		{"POST /api/v1/messages/{id}/remind", false, a.remindCreate},
	}
}

// Routes returns the route patterns, for the OpenAPI test.
func Routes() []string {
	out := []string{"GET /api/v1/openapi.json"}
	for _, r := range append((&API{}).table(), (&API{}).securityRoutes()...) {
		out = append(out, r.pattern)
	}
	return out
}

func (a *API) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v1/openapi.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(openapiDoc)
	})
	for _, rt := range append(a.table(), a.securityRoutes()...) {
		h := rt.handler
		if rt.public {
			mux.Handle(rt.pattern, h)
		} else {
			mux.Handle(rt.pattern, a.authed(h))
		}
	}
	// Anything else under /api/v1 is a JSON 404, not the HTML one.
	mux.HandleFunc("/api/v1/", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, errorBody{Error: errorDetail{Code: "not_found", Message: "Ressource inconnue."}})
	})
	return mux
}
