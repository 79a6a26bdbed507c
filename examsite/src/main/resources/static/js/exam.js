// Exam page: autosave on every change and every 30 s, countdown to the candidate's end (the slot's end plus
// extensions; each save answers the current end and from when the submit button opens), copy/paste and the
// context menu blocked. Loaded as a file (the CSP forbids inline scripts); its texts come translated from the
// form's data-t-* attributes ({0}, {1} filled in here).
(function () {
  'use strict';
  var form = document.getElementById('paper');
  var status = document.getElementById('save-status');
  var clock = document.getElementById('countdown');
  var submitting = false;
  var submitButton = document.getElementById('submit');
  var submitFrom = submitButton && submitButton.dataset.submitFrom ? Number(submitButton.dataset.submitFrom) : null;
  var end = clock ? Number(clock.dataset.end) : 0;
  var offset = clock ? Number(clock.dataset.now) - Date.now() : 0;
  var checkingEnd = false;

  ['copy', 'cut', 'paste', 'contextmenu', 'dragstart', 'selectstart'].forEach(function (type) {
    document.addEventListener(type, function (event) { event.preventDefault(); });
  });

  if (clock) {
    // Count against the server's clock: the offset is taken when the page is rendered and at every save.
    var tick = function () {
      var serverNow = Date.now() + offset;
      var left = Math.max(0, end - serverNow);
      if (submitButton && submitButton.disabled && (submitFrom === null || serverNow >= submitFrom)) {
        submitButton.disabled = false;
      }
      var s = Math.floor(left / 1000);
      var pad = function (n) { return (n < 10 ? '0' : '') + n; };
      clock.textContent = pad(Math.floor(s / 3600)) + ':' + pad(Math.floor(s / 60) % 60) + ':' + pad(s % 60);
      if (left <= 5 * 60 * 1000) { clock.classList.add('urgent'); }
      if (left === 0 && form && !submitting && !checkingEnd) {
        // An extension may have moved the end since the last save: save once more, which answers the end.
        checkingEnd = true;
        save(function (stillOpen) {
          checkingEnd = false;
          if (!stillOpen && !submitting) {
            submitting = true;
            form.submit();
          }
        });
      }
    };
    tick();
    setInterval(tick, 1000);
  }

  var waiting = document.getElementById('waiting');
  if (waiting && clock) {
    // Before the start: reload once the server's clock reaches it, then the paper is shown.
    var untilStart = Number(waiting.dataset.start) - Number(clock.dataset.now);
    setTimeout(function () { window.location.reload(); }, Math.max(1000, untilStart + 1000));
  }

  if (!form) { return; }

  function t(name) {
    var text = form.dataset['t' + name.charAt(0).toUpperCase() + name.slice(1)] || '';
    var args = Array.prototype.slice.call(arguments, 1);
    return text.replace(/\{(\d)\}/g, function (m, i) { return args[Number(i)]; });
  }

  var pending = null;
  var inFlight = false;

  function show(text, kind) {
    status.textContent = text;
    status.className = 'save-status ' + (kind || '');
  }

  // done(stillOpen), when given, learns whether the server's end is still ahead after this save.
  function save(done) {
    if (submitting) { return; }
    if (inFlight && !done) { pending = true; return; }
    inFlight = true;
    pending = false;
    show(t('saving'), 'saving');
    fetch(form.dataset.save || '/exam/save', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(new FormData(form))
    }).then(function (response) {
      if (response.ok) {
        // The server's time of the save, so it agrees with the countdown and the proctor's records.
        return response.json().then(function (saved) {
          show(t('saved', new Date(saved.savedAt).toLocaleTimeString(form.dataset.tLocale || 'zh-CN', { hour12: false })), 'ok');
          offset = saved.now - Date.now();
          end = saved.endsAt;
          submitFrom = saved.submitFrom;
          if (done) { done(saved.endsAt > saved.now); }
        });
      } else if (response.status === 401) {
        show(t('expired'), 'failed');
        if (done) { done(false); }
      } else {
        return response.json().then(function (problem) {
          if (problem.disqualified) {
            submitting = true;
            window.location.href = '/exam';
            return;
          }
          show(problem.detail || t('saveFailed'), 'failed');
          if (done) { done(false); }
        });
      }
    }).catch(function () {
      show(t('offline'), 'failed');
      pending = true;
      if (done) { done(false); }
    }).finally(function () {
      inFlight = false;
      if (pending) { setTimeout(save, 2000); }
    });
  }

  // 实操作品: each file input uploads on its own (multipart), outside the answers' autosave.
  function upload(input) {
    var file = input.files && input.files[0];
    var label = input.closest('.practical').querySelector('.work-status');
    if (!file) { return; }
    var data = new FormData();
    data.append('file', file);
    label.textContent = t('uploading', file.name);
    label.className = 'work-status saving';
    fetch(input.dataset.upload, { method: 'POST', credentials: 'same-origin', body: data })
      .then(function (response) {
        return response.json().then(function (body) {
          if (response.ok) {
            label.textContent = t('uploaded', body.fileName, Math.max(1, Math.round(body.size / 1024)));
            label.className = 'work-status ok';
          } else {
            label.textContent = body.detail || t('uploadFailed');
            label.className = 'work-status failed';
          }
        });
      })
      .catch(function () {
        label.textContent = t('uploadOffline');
        label.className = 'work-status failed';
      });
  }

  form.addEventListener('change', function (event) {
    if (event.target.dataset && event.target.dataset.upload) {
      upload(event.target);
      return;
    }
    save();
  });
  setInterval(function () { save(); }, 30 * 1000);

  form.addEventListener('submit', function (event) {
    if (submitting) { return; }
    if (!window.confirm(t('confirmSubmit'))) {
      event.preventDefault();
      return;
    }
    submitting = true;
  });
})();
