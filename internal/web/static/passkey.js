// Amélioration progressive : clés d'accès (WebAuthn) pour la connexion,
// la confirmation d'identité et l'ajout d'une clé. Sans JavaScript ou sans
// navigateur compatible, les boutons restent cachés et les codes servent.
"use strict";
(function () {
  if (!window.PublicKeyCredential || !navigator.credentials) {
    return;
  }
  var dec = function (s) {
    s = s.replace(/-/g, "+").replace(/_/g, "/");
    while (s.length % 4) { s += "="; }
    return Uint8Array.from(atob(s), function (c) { return c.charCodeAt(0); });
  };
  var enc = function (b) {
    if (!b) { return null; }
    var s = "";
    new Uint8Array(b).forEach(function (x) { s += String.fromCharCode(x); });
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  };
  var post = function (path, fields) {
    var body = new URLSearchParams();
    Object.keys(fields).forEach(function (k) { body.append(k, fields[k]); });
    return fetch(path, { method: "POST", body: body, credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (j) {
          if (!r.ok) { throw new Error((j.error && j.error.message) || "Opération refusée."); }
          return j;
        });
      });
  };
  var assertion = function (c) {
    return JSON.stringify({ id: c.id, rawId: enc(c.rawId), type: c.type, authenticatorAttachment: c.authenticatorAttachment,
      clientExtensionResults: c.getClientExtensionResults(),
      response: { clientDataJSON: enc(c.response.clientDataJSON), authenticatorData: enc(c.response.authenticatorData),
        signature: enc(c.response.signature), userHandle: enc(c.response.userHandle) } });
  };
  var get = function (o) {
    var pk = o.publicKey;
    pk.challenge = dec(pk.challenge);
    (pk.allowCredentials || []).forEach(function (c) { c.id = dec(c.id); });
    return navigator.credentials.get({ publicKey: pk });
  };
  var status = function (msg) {
    var el = document.getElementById("passkey-status");
    if (el) { el.textContent = msg; }
  };
  // A check (login or step-up): options, the authenticator, then the answer.
  var check = function (box, button, optionsPath, finishPath, fields) {
    box.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      status("Suivez les instructions de votre navigateur…");
      post(optionsPath, Object.assign({ csrf: box.dataset.csrf }, fields)).then(function (o) {
        return get(o.options).then(function (c) {
          var f = Object.assign({ csrf: box.dataset.csrf, challenge_id: o.challenge_id, credential: assertion(c) }, fields);
          return post(finishPath, f);
        });
      }).then(function (res) {
        window.location.assign(res.next || "/inbox");
      }).catch(function (e) {
        button.disabled = false;
        status(e && e.message && e.name !== "NotAllowedError" ? e.message : "Clé d'accès non utilisée. Réessayez ou saisissez un code.");
      });
    });
  };
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.querySelector(".passkey-login");
    var btn = document.getElementById("passkey-login");
    if (box && btn) {
      check(box, btn, "/login/passkey/options", "/login/passkey", { pending: box.dataset.pending, next: box.dataset.next });
    }
    box = document.querySelector(".passkey-stepup");
    btn = document.getElementById("passkey-stepup");
    if (box && btn) {
      check(box, btn, "/step-up/options", "/step-up/passkey", { draft: box.dataset.draft, pj: box.dataset.pj, next: box.dataset.next });
    }
    box = document.querySelector(".passkey-register");
    btn = document.getElementById("passkey-register");
    if (box && btn) {
      box.hidden = false;
      document.querySelectorAll(".nojs-only").forEach(function (el) { el.hidden = true; });
      btn.addEventListener("click", function () {
        btn.disabled = true;
        status("Suivez les instructions de votre navigateur…");
        post("/account/passkeys/options", { csrf: box.dataset.csrf }).then(function (o) {
          var pk = o.options.publicKey;
          pk.challenge = dec(pk.challenge);
          pk.user.id = dec(pk.user.id);
          (pk.excludeCredentials || []).forEach(function (c) { c.id = dec(c.id); });
          return navigator.credentials.create({ publicKey: pk }).then(function (c) {
            var cred = JSON.stringify({ id: c.id, rawId: enc(c.rawId), type: c.type, authenticatorAttachment: c.authenticatorAttachment,
              clientExtensionResults: c.getClientExtensionResults(),
              response: { clientDataJSON: enc(c.response.clientDataJSON), attestationObject: enc(c.response.attestationObject),
                transports: c.response.getTransports ? c.response.getTransports() : [] } });
            var name = document.getElementById("passkey-name");
            return post("/account/passkeys", { csrf: box.dataset.csrf, challenge_id: o.challenge_id, credential: cred,
              name: name ? name.value : "" });
          });
        }).then(function (res) {
          var codes = res.recovery_codes || [];
          if (codes.length === 0) {
            window.location.assign(res.next || "/account");
            return;
          }
          // Shown once: list the recovery codes in place.
          var h = document.createElement("h3");
          h.textContent = "Clé enregistrée. Vos codes de secours (notez-les, ils ne seront plus affichés) :";
          var ul = document.createElement("ul");
          ul.className = "codes";
          codes.forEach(function (x) { var li = document.createElement("li"); li.textContent = x; ul.appendChild(li); });
          box.replaceChildren(h, ul);
          h.tabIndex = -1;
          h.focus();
        }).catch(function (e) {
          btn.disabled = false;
          status(e && e.message && e.name !== "NotAllowedError" ? e.message : "La clé n'a pas été enregistrée. Réessayez.");
        });
      });
    }
  });
})();
