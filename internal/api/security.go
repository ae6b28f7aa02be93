package api

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
)

// Account-security routes: login with any second factor, step-up, the
// user's sessions, factors, notices and password, the activation of a
// reset account, and the administrators' actions (unlock, read-only,
// revocations, mass reset, factor requirements). Each handler decodes,
// calls one auth method and encodes.

// assertionJSON is a WebAuthn assertion: the ceremony handle returned by
// the options call and the PublicKeyCredential as the browser gives it.
type assertionJSON struct {
	ChallengeID string          `json:"challenge_id"`
	Credential  json.RawMessage `json:"credential"`
}

func (a *assertionJSON) toAuth() *auth.Assertion {
	if a == nil {
		return nil
	}
	return &auth.Assertion{ChallengeID: a.ChallengeID, Credential: a.Credential}
}

type loginJSON struct {
	Username     string         `json:"username"`
	Password     string         `json:"password"`
	OTP          string         `json:"otp"`
	RecoveryCode string         `json:"recovery_code"`
	WebAuthn     *assertionJSON `json:"webauthn"`
	Device       string         `json:"device"`
}

func (a *API) login(w http.ResponseWriter, r *http.Request, in loginJSON) {
	res, err := a.svc.Auth.LoginWith(r.Context(), auth.LoginRequest{Username: in.Username, Password: in.Password, OTP: in.OTP,
		RecoveryCode: in.RecoveryCode, WebAuthn: in.WebAuthn.toAuth(), Device: in.Device, Client: clientOf(r)})
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	out := map[string]any{"token": res.Token, "user": toUserJSON(res.User), "device_token": res.DeviceToken,
		"new_device": res.NewDevice, "must_enrol": res.MustEnrol, "must_acknowledge": res.MustAck}
	if res.MustAck {
		out["security_instructions"] = auth.SecurityInstructions
	}
	writeJSON(w, http.StatusCreated, out)
}

func (a *API) passkeyLoginOptions(w http.ResponseWriter, r *http.Request) {
	id, opts, err := a.svc.Auth.BeginPasskeyLoginFrom(r.Context(), clientOf(r))
	a.ceremony(w, r, id, opts, err)
}

func (a *API) ceremony(w http.ResponseWriter, r *http.Request, id string, opts json.RawMessage, err error) {
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"challenge_id": id, "options": opts})
}

func (a *API) stepUpOptions(w http.ResponseWriter, r *http.Request) {
	id, opts, err := a.svc.Auth.BeginStepUpPasskey(r.Context(), sessionFrom(r))
	a.ceremony(w, r, id, opts, err)
}

func (a *API) stepUp(w http.ResponseWriter, r *http.Request) {
	var in struct {
		OTP          string         `json:"otp"`
		RecoveryCode string         `json:"recovery_code"`
		WebAuthn     *assertionJSON `json:"webauthn"`
		Password     string         `json:"password"`
	}
	if !a.decode(w, r, &in) {
		return
	}
	tok, err := a.svc.Auth.StepUp(r.Context(), sessionFrom(r), auth.StepUpRequest{OTP: in.OTP, RecoveryCode: in.RecoveryCode,
		WebAuthn: in.WebAuthn.toAuth(), Password: in.Password}, clientOf(r))
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"token": tok})
}

func rfc3339(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(time.RFC3339)
}

func (a *API) mySessions(w http.ResponseWriter, r *http.Request) {
	list, err := a.svc.Auth.Sessions(r.Context(), sessionFrom(r))
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	out := make([]map[string]any, 0, len(list))
	for _, s := range list {
		out = append(out, map[string]any{"id": s.ID, "created_at": rfc3339(s.CreatedAt), "last_seen": rfc3339(s.LastSeen),
			"expires_at": rfc3339(s.ExpiresAt), "source": s.Source, "user_agent": s.UserAgent, "mfa": s.MFA, "moved": s.Moved,
			"known_device": s.KnownDevice, "current": s.Current})
	}
	writeJSON(w, http.StatusOK, map[string]any{"sessions": out})
}

func (a *API) mySessionDelete(w http.ResponseWriter, r *http.Request) {
	if err := a.svc.Auth.RevokeSession(r.Context(), sessionFrom(r), r.PathValue("id"), clientOf(r)); err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) myOtherSessionsDelete(w http.ResponseWriter, r *http.Request) {
	n, err := a.svc.Auth.RevokeOtherSessions(r.Context(), sessionFrom(r), clientOf(r))
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"revoked": n})
}

func (a *API) myPassword(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Current string `json:"current"`
		New     string `json:"new"`
	}
	if !a.decode(w, r, &in) {
		return
	}
	if err := a.svc.Auth.ChangePassword(r.Context(), sessionFrom(r), in.Current, in.New, clientOf(r)); err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) myFactors(w http.ResponseWriter, r *http.Request) {
	f, err := a.svc.Auth.Factors(r.Context(), sessionFrom(r))
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	pks := make([]map[string]any, 0, len(f.Passkeys))
	for _, p := range f.Passkeys {
		pks = append(pks, map[string]any{"id": p.ID, "name": p.Name, "created_at": rfc3339(p.CreatedAt), "last_used": rfc3339(p.LastUsed)})
	}
	writeJSON(w, http.StatusOK, map[string]any{"totp": f.TOTP, "passkeys": pks, "recovery_codes": f.RecoveryCodes,
		"required": f.Required, "must_enrol": f.MustEnrol, "must_acknowledge": f.MustAck, "probation_until": rfc3339(f.Probation)})
}

func (a *API) totpBegin(w http.ResponseWriter, r *http.Request) {
	secret, uri, err := a.svc.Auth.BeginTOTP(r.Context(), sessionFrom(r), clientOf(r))
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"secret": secret, "uri": uri})
}

func (a *API) totpConfirm(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Code string `json:"code"`
	}
	if !a.decode(w, r, &in) {
		return
	}
	codes, err := a.svc.Auth.ConfirmTOTP(r.Context(), sessionFrom(r), in.Code, clientOf(r))
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"recovery_codes": nonNil(codes)})
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (a *API) totpDelete(w http.ResponseWriter, r *http.Request) {
	if err := a.svc.Auth.RemoveTOTP(r.Context(), sessionFrom(r), clientOf(r)); err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) passkeyOptions(w http.ResponseWriter, r *http.Request) {
	id, opts, err := a.svc.Auth.BeginPasskeyRegistration(r.Context(), sessionFrom(r))
	a.ceremony(w, r, id, opts, err)
}

func (a *API) passkeyCreate(w http.ResponseWriter, r *http.Request) {
	var in struct {
		ChallengeID string          `json:"challenge_id"`
		Credential  json.RawMessage `json:"credential"`
		Name        string          `json:"name"`
	}
	if !a.decode(w, r, &in) {
		return
	}
	p, codes, err := a.svc.Auth.FinishPasskeyRegistration(r.Context(), sessionFrom(r), in.ChallengeID, in.Credential, in.Name, clientOf(r))
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"id": p.ID, "name": p.Name, "recovery_codes": nonNil(codes)})
}

func (a *API) passkeyDelete(w http.ResponseWriter, r *http.Request) {
	if err := a.svc.Auth.RemovePasskey(r.Context(), sessionFrom(r), r.PathValue("id"), clientOf(r)); err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) recoveryCodes(w http.ResponseWriter, r *http.Request) {
	codes, err := a.svc.Auth.NewRecoveryCodes(r.Context(), sessionFrom(r), clientOf(r))
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"recovery_codes": codes})
}

func (a *API) myNotices(w http.ResponseWriter, r *http.Request) {
	list, err := a.svc.Auth.Notices(r.Context(), sessionFrom(r))
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	out := make([]map[string]any, 0, len(list))
	for _, n := range list {
		out = append(out, map[string]any{"id": strconv.FormatInt(n.ID, 10), "kind": n.Kind, "message": n.Message, "source": n.Source,
			"created_at": rfc3339(n.CreatedAt), "read": n.Read, "acted": n.Acted})
	}
	writeJSON(w, http.StatusOK, map[string]any{"notices": out})
}

func (a *API) noticeNotMe(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		err = a.svc.Auth.NotMe(r.Context(), sessionFrom(r), id, clientOf(r))
	}
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) noticeNotMeLink(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Notice string `json:"notice"`
		Token  string `json:"token"`
	}
	if !a.decode(w, r, &in) {
		return
	}
	id, err := strconv.ParseInt(in.Notice, 10, 64)
	if err != nil {
		a.writeError(w, r, bouclier.Errorf(bouclier.ErrNotFound, "Lien invalide."))
		return
	}
	if err := a.svc.Auth.NotMeByToken(r.Context(), id, in.Token, clientOf(r)); err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) securityAck(w http.ResponseWriter, r *http.Request) {
	if err := a.svc.Auth.AcknowledgeSecurity(r.Context(), sessionFrom(r), clientOf(r)); err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) activate(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Username string `json:"username"`
		Code     string `json:"code"`
		Password string `json:"password"`
	}
	if !a.decode(w, r, &in) {
		return
	}
	if err := a.svc.Auth.Activate(r.Context(), in.Username, in.Code, in.Password, clientOf(r)); err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) accountUnlock(w http.ResponseWriter, r *http.Request) {
	if err := a.svc.Auth.Unlock(r.Context(), actorOf(r), r.PathValue("name")); err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) accountLock(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Reason string `json:"reason"`
	}
	if !a.decode(w, r, &in) {
		return
	}
	if err := a.svc.Auth.Lock(r.Context(), actorOf(r), r.PathValue("name"), in.Reason); err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) accountReadOnly(w http.ResponseWriter, r *http.Request) {
	var in struct {
		ReadOnly bool `json:"read_only"`
	}
	if !a.decode(w, r, &in) {
		return
	}
	if err := a.svc.Auth.SetReadOnly(r.Context(), actorOf(r), r.PathValue("name"), in.ReadOnly); err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) accountSessionsDelete(w http.ResponseWriter, r *http.Request) {
	n, err := a.svc.Auth.RevokeUserSessions(r.Context(), actorOf(r), r.PathValue("name"))
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"revoked": n})
}

func (a *API) scopeSessionsRevoke(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Scope string   `json:"scope"`
		Roles []string `json:"roles"`
	}
	if !a.decode(w, r, &in) {
		return
	}
	n, err := a.svc.Auth.RevokeScopeSessions(r.Context(), actorOf(r), in.Scope, in.Roles)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"revoked": n})
}

// massReset answers JSON with the CSV and the PDF (base64) inside, or
// with ?format=csv or ?format=pdf the file itself: the codes are shown
// this once and stored only as keyed hashes.
func (a *API) massReset(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Scope string   `json:"scope"`
		Roles []string `json:"roles"`
	}
	if !a.decode(w, r, &in) {
		return
	}
	format := r.URL.Query().Get("format")
	if format != "" && format != "csv" && format != "pdf" && format != "json" {
		a.writeError(w, r, bouclier.Errorf(bouclier.ErrInvalidRequest, "format\u00a0: csv, pdf ou json."))
		return
	}
	res, err := a.svc.Auth.MassReset(r.Context(), actorOf(r), in.Scope, in.Roles)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	name := "reinitialisation-" + strconv.FormatInt(res.ID, 10)
	switch format {
	case "csv":
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.csv"`)
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write(auth.LettersCSV(res))
	case "pdf":
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.pdf"`)
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write(auth.LettersPDF(res, a.svc.PublicURL))
	default:
		accounts := make([]map[string]any, 0, len(res.Letters))
		for _, l := range res.Letters {
			accounts = append(accounts, map[string]any{"username": l.Username, "display_name": l.DisplayName, "role": l.Role, "code": l.Code})
		}
		writeJSON(w, http.StatusCreated, map[string]any{"id": strconv.FormatInt(res.ID, 10), "scope": res.Scope, "count": len(res.Letters),
			"expires_at": rfc3339(res.ExpiresAt), "accounts": accounts, "csv": string(auth.LettersCSV(res)),
			"pdf_base64": base64.StdEncoding.EncodeToString(auth.LettersPDF(res, a.svc.PublicURL))})
	}
}

func (a *API) factorRequirements(w http.ResponseWriter, r *http.Request) {
	list, err := a.svc.Auth.FactorRequirements(r.Context(), actorOf(r))
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	out := make([]map[string]any, 0, len(list))
	for _, x := range list {
		out = append(out, map[string]any{"scope": x.Scope, "role": x.Role, "created_by": x.CreatedBy, "created_at": rfc3339(time.UnixMicro(x.CreatedAt))})
	}
	writeJSON(w, http.StatusOK, map[string]any{"requirements": out})
}

func (a *API) factorRequirementSet(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Scope    string `json:"scope"`
		Role     string `json:"role"`
		Required *bool  `json:"required"`
	}
	if !a.decode(w, r, &in) {
		return
	}
	req := in.Required == nil || *in.Required
	if err := a.svc.Auth.RequireFactor(r.Context(), actorOf(r), in.Scope, in.Role, req); err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// securityRoutes are the account-security lines of the route table.
func (a *API) securityRoutes() []route {
	return []route{
		{"POST /api/v1/session/passkey-options", true, a.passkeyLoginOptions},
		{"POST /api/v1/session/step-up", false, a.stepUp},
		{"POST /api/v1/session/step-up/options", false, a.stepUpOptions},
		{"POST /api/v1/activation", true, a.activate},
		{"POST /api/v1/notices/not-me", true, a.noticeNotMeLink},
		{"GET /api/v1/me/sessions", false, a.mySessions},
		{"DELETE /api/v1/me/sessions", false, a.myOtherSessionsDelete},
		{"DELETE /api/v1/me/sessions/{id}", false, a.mySessionDelete},
		{"POST /api/v1/me/password", false, a.myPassword},
		{"GET /api/v1/me/factors", false, a.myFactors},
		{"POST /api/v1/me/factors/totp", false, a.totpBegin},
		{"POST /api/v1/me/factors/totp/confirm", false, a.totpConfirm},
		{"DELETE /api/v1/me/factors/totp", false, a.totpDelete},
		{"POST /api/v1/me/factors/passkeys/options", false, a.passkeyOptions},
		{"POST /api/v1/me/factors/passkeys", false, a.passkeyCreate},
		{"DELETE /api/v1/me/factors/passkeys/{id}", false, a.passkeyDelete},
		{"POST /api/v1/me/recovery-codes", false, a.recoveryCodes},
		{"GET /api/v1/me/notices", false, a.myNotices},
		{"POST /api/v1/me/notices/{id}/not-me", false, a.noticeNotMe},
		{"POST /api/v1/me/security-ack", false, a.securityAck},
		{"POST /api/v1/admin/accounts/{name}/unlock", false, a.accountUnlock},
		{"POST /api/v1/admin/accounts/{name}/lock", false, a.accountLock},
		{"POST /api/v1/admin/accounts/{name}/read-only", false, a.accountReadOnly},
		{"DELETE /api/v1/admin/accounts/{name}/sessions", false, a.accountSessionsDelete},
		{"POST /api/v1/admin/sessions/revoke", false, a.scopeSessionsRevoke},
		{"POST /api/v1/admin/resets", false, a.massReset},
		{"GET /api/v1/admin/mfa-requirements", false, a.factorRequirements},
		{"POST /api/v1/admin/mfa-requirements", false, a.factorRequirementSet},
	}
}
