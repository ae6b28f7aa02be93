// Amélioration progressive. Sans JavaScript, la navigation reste dépliée et
// la liste des destinataires se cherche par le formulaire lui-même.
"use strict";
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", function () {
  firstError();
  result();
  menu();
  picker();
  selectAll();
  pdfPreviews();
  fileInputs();
  readBack();
});

// fileInputs shows a file field in French whatever the browser's
// language: a button « Joindre des fichiers » and the names of the files
// chosen (« 2 fichiers choisis : … »), in place of the browser's own
// « Choose files / No file chosen » in an English browser. The native
// field stays in the page, visually hidden: it keeps the focus, the
// keyboard (Space opens the choice), its label and what is sent; the
// button shows its focus. Without JavaScript the native field is shown.
function fileInputs() {
  document.querySelectorAll('input[type="file"]').forEach(function (input) {
    var button = document.createElement("span");
    button.className = "button file-button";
    button.setAttribute("aria-hidden", "true"); // the field itself is the control
    button.textContent = "Joindre des fichiers";
    var names = document.createElement("p");
    names.className = "file-names";
    names.id = input.id + "-choisis";
    input.classList.add("file-input");
    input.after(button, names);
    button.addEventListener("click", function () { input.click(); });
    var described = input.getAttribute("aria-describedby");
    input.setAttribute("aria-describedby", names.id + (described ? " " + described : ""));
    function show() {
      var n = input.files ? input.files.length : 0;
      if (n === 0) {
        names.textContent = "Aucun fichier choisi.";
        return;
      }
      var list = [];
      for (var i = 0; i < n; i++) { list.push(input.files[i].name); }
      names.textContent = (n === 1 ? "1\u00a0fichier choisi\u202f: " : n + "\u00a0fichiers choisis\u202f: ") + list.join(", ");
    }
    input.addEventListener("change", show);
    show();
  });
}

// pdfPreviews says « Aperçu indisponible » in place of a PDF's first page
// the server could not render (the image answers 422), rather than a
// broken image; the download link stays. A page still being rendered
// (503) is asked for again every few seconds, for two minutes at most.
function pdfPreviews() {
  document.querySelectorAll("img.preview.pdf").forEach(function (img) {
    var src = img.getAttribute("src");
    var tries = 0;
    function fail() {
      var fig = img.closest("figure");
      var p = document.createElement("p");
      p.className = "preview-none";
      p.textContent = "Aperçu indisponible";
      fig.replaceWith(p);
    }
    function broken() {
      if (tries >= 24) {
        fail();
        return;
      }
      tries++;
      fetch(src, { credentials: "same-origin", cache: "no-store" }).then(function (r) {
        if (r.status === 503) {
          setTimeout(function () {
            img.src = src + "&essai=" + tries;
          }, 5000);
        } else if (r.ok) {
          img.src = src + "&essai=" + tries;
        } else {
          fail();
        }
      }, fail);
    }
    img.addEventListener("error", broken);
    if (img.complete && img.naturalWidth === 0) {
      broken();
    }
  });
}

// firstError puts the focus on the first field in error when the
// browser did not honour its autofocus (a page restored from history).
function firstError() {
  var f = document.querySelector('[aria-invalid="true"]');
  if (f && document.activeElement !== f) {
    f.focus();
  }
}

// result puts the focus on what an action answered (« Message envoyé »,
// « Suspension levée », a refusal) when nothing else took it, so that a
// keyboard or screen reader user starts from the result, not from the
// top of a page that looks the same.
function result() {
  var r = document.querySelector("main .flash, main .notice[role=status], main .alert[role=alert]");
  if (!r || (document.activeElement && document.activeElement !== document.body)) {
    return;
  }
  r.setAttribute("tabindex", "-1");
  r.focus();
}

// menu folds the main navigation behind its « Menu » button, and the
// administration's tools behind theirs, on narrow screens.
function menu() {
  fold(document.querySelector(".menu-btn"), document.getElementById("nav-principale"));
  fold(document.querySelector(".subnav-btn"), document.getElementById("outils-admin"));
}

// fold shows panel on wide screens and, on narrow ones, only while btn is
// pressed (aria-expanded). Without JavaScript the panel stays unfolded.
function fold(btn, panel) {
  if (!btn || !panel) {
    return;
  }
  var narrow = window.matchMedia("(max-width: 40rem)");
  function apply() {
    var open = !narrow.matches || btn.getAttribute("aria-expanded") === "true";
    panel.classList.toggle("collapsed", !open);
  }
  btn.addEventListener("click", function () {
    btn.setAttribute("aria-expanded", btn.getAttribute("aria-expanded") === "true" ? "false" : "true");
    apply();
  });
  narrow.addEventListener("change", apply);
  apply();
}

// picker turns the recipient search into a combobox (ARIA 1.2 pattern):
// suggestions come from /compose/destinataires as one types, arrows move,
// Enter or a click chooses, Escape closes. A chosen recipient becomes a
// ticked box in « Destinataires choisis », which the form submits.
function picker() {
  var input = document.getElementById("dest-q");
  var list = document.getElementById("dest-suggestions");
  var chosen = document.getElementById("dest-choisis");
  var say = document.getElementById("dest-annonce");
  if (!input || !list || !chosen) {
    return;
  }
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  var items = [], active = -1, timer = null, seq = 0;

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }
  function mark(i) {
    active = i;
    Array.prototype.forEach.call(list.children, function (li, k) {
      li.setAttribute("aria-selected", k === i ? "true" : "false");
    });
    if (i >= 0) {
      input.setAttribute("aria-activedescendant", list.children[i].id);
      list.children[i].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }
  function taken() {
    return Array.prototype.map.call(chosen.querySelectorAll("input[name=to]"), function (b) { return b.value; });
  }
  function choose(i) {
    var it = items[i];
    if (!it) {
      return;
    }
    var n = chosen.children.length, id = "dest-choisi-" + Date.now() + "-" + n;
    var li = document.createElement("li");
    var box = document.createElement("input");
    box.type = "checkbox"; box.name = "to"; box.value = it.expr; box.id = id; box.checked = true;
    var label = document.createElement("label");
    label.htmlFor = id; label.textContent = it.label;
    li.appendChild(box); li.appendChild(document.createTextNode(" ")); li.appendChild(label);
    chosen.appendChild(li);
    // A box ticked elsewhere in the form for the same recipient would
    // send it twice: untick it.
    document.querySelectorAll("input[name=to]").forEach(function (b) {
      if (b !== box && b.value === it.expr) { b.checked = false; }
    });
    if (say) { say.textContent = it.label + " ajouté aux destinataires."; }
    input.value = "";
    close();
    input.focus();
  }
  function show(results, more) {
    items = results;
    list.textContent = "";
    results.forEach(function (it, k) {
      var li = document.createElement("li");
      li.id = "dest-sugg-" + k;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.textContent = it.label;
      if (it.group) {
        var kind = document.createElement("span");
        kind.className = "kind"; kind.textContent = " (groupe)";
        li.appendChild(kind);
      }
      li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(k); });
      list.appendChild(li);
    });
    var open = results.length > 0;
    list.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
    active = -1;
    if (say) {
      say.textContent = results.length === 0 ? "Aucun destinataire ne correspond." :
        results.length + (results.length > 1 ? " suggestions" : " suggestion") + (more ? ", et d’autres : précisez la recherche." : ".");
    }
  }
  function lookup() {
    var q = input.value.trim();
    if (q === "") {
      close();
      return;
    }
    var my = ++seq;
    var url = "/compose/destinataires?q=" + encodeURIComponent(q);
    taken().forEach(function (v) { url += "&choisi=" + encodeURIComponent(v); });
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { results: [] }; })
      .then(function (d) { if (my === seq) { show(d.results || [], d.more); } })
      .catch(function () { close(); });
  }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(lookup, 120);
  });
  input.addEventListener("keydown", function (e) {
    switch (e.key) {
    case "ArrowDown":
      e.preventDefault();
      if (list.hidden) { lookup(); } else { mark(Math.min(active + 1, items.length - 1)); }
      break;
    case "ArrowUp":
      e.preventDefault();
      if (!list.hidden) { mark(Math.max(active - 1, 0)); }
      break;
    case "Enter":
      // Never submit the message from the search field.
      e.preventDefault();
      if (!list.hidden && active >= 0) { choose(active); } else { lookup(); }
      break;
    case "Escape":
      if (!list.hidden) { e.preventDefault(); close(); }
      break;
    }
  });
  // Some keyboards send Enter as a character too: never submit from here.
  input.addEventListener("keypress", function (e) {
    if (e.key === "Enter") { e.preventDefault(); }
  });
  input.addEventListener("blur", function () { setTimeout(close, 150); });
}

// selectAll adds « Tout sélectionner » to a folder's selection form.
function selectAll() {
  var all = document.getElementById("tout");
  var form = document.querySelector("form.selection");
  if (!all || !form) {
    return;
  }
  all.parentNode.hidden = false;
  all.addEventListener("change", function () {
    form.querySelectorAll('input[name="id"]').forEach(function (b) { b.checked = all.checked; });
  });
}

// readBack writes under a date and time field the moment it holds, in
// words (« Soit le vendredi 5 décembre 2026 à 14 h 30. »), whatever order
// the browser's own field shows (mm/dd/yyyy in a browser in English): the
// person checks the day they meant. The region is polite: read when the
// value changes, not at every key.
function readBack() {
  var days = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
  var months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
  document.querySelectorAll("input[data-readback]").forEach(function (input) {
    var out = document.getElementById(input.dataset.readback);
    if (!out) {
      return;
    }
    // The browser's own date field shows the order of its language
    // resources, which no script can read (navigator.language says fr-FR
    // in a French Chromium that shows mm/dd/yyyy): the hint names no
    // order for it and points to the sentence below, in French whatever
    // the browser. A browser without the date field has a text box,
    // which the server reads as jj/mm/aaaa hh:mm.
    var format = document.getElementById(input.dataset.format || "");
    var native = input.type === "datetime-local";
    if (format) {
      format.textContent = native ?
        "Le champ montre la date dans l’ordre de votre navigateur (le jour ou le mois en premier)\u00a0: vérifiez-la dans la phrase en toutes lettres qui s’affiche dessous." :
        "Format\u00a0: jj/mm/aaaa hh:mm (jour, mois, année, heure, minutes), par exemple 24/03/2027 14:30.";
    }
    var show = function () {
      var y, mo, d, h, mi;
      var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(input.value);
      if (m) {
        y = +m[1]; mo = +m[2]; d = +m[3]; h = +m[4]; mi = m[5];
      } else if (!native && (m = /^(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4}),?\s*(?:à\s*)?(\d{1,2})\s*(?:h|:)\s*(\d{2})?$/.exec(input.value.trim()))) {
        // Typed the French way in a text box (localtime.go, frenchTyped).
        y = +m[3]; mo = +m[2]; d = +m[1]; h = +m[4]; mi = m[5] || "00";
      }
      var day = y ? new Date(y, mo - 1, d) : null;
      if (!day || day.getMonth() !== mo - 1 || day.getDate() !== d || h > 23 || +mi > 59) {
        out.textContent = "";
        return;
      }
      out.textContent = "Soit le " + days[day.getDay()] + " " + (d === 1 ? "1er" : String(d)) + "\u00a0" + months[mo - 1] + " " + y +
        " à " + h + "\u00a0h\u00a0" + mi + ".";
    };
    input.addEventListener("change", show);
    input.addEventListener("input", show);
    show();
  });
}
