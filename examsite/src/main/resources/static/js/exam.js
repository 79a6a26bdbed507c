// Exam page: autosave on every change and every 30 s, countdown to the candidate's end (the slot's end plus
// extensions; each save answers the current end and from when the submit button opens), copy/paste and the
// context menu blocked. Loaded as a file (the CSP forbids inline scripts).
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
    show('保存中…', 'saving');
    fetch(form.dataset.save || '/exam/save', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(new FormData(form))
    }).then(function (response) {
      if (response.ok) {
        // The server's time of the save, so it agrees with the countdown and the proctor's records.
        return response.json().then(function (saved) {
          var t = new Date(saved.savedAt);
          show('已保存 ' + t.toLocaleTimeString('zh-CN', { hour12: false }), 'ok');
          offset = saved.now - Date.now();
          end = saved.endsAt;
          submitFrom = saved.submitFrom;
          if (done) { done(saved.endsAt > saved.now); }
        });
      } else if (response.status === 401) {
        show('登录已失效，请重新登录', 'failed');
        if (done) { done(false); }
      } else {
        return response.json().then(function (problem) {
          if (problem.disqualified) {
            submitting = true;
            window.location.href = '/exam';
            return;
          }
          show(problem.detail || '保存失败', 'failed');
          if (done) { done(false); }
        });
      }
    }).catch(function () {
      show('网络中断，答案尚未保存，正在重试…', 'failed');
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
    label.textContent = '上传中… ' + file.name;
    label.className = 'work-status saving';
    fetch(input.dataset.upload, { method: 'POST', credentials: 'same-origin', body: data })
      .then(function (response) {
        return response.json().then(function (body) {
          if (response.ok) {
            label.textContent = '已上传：' + body.fileName + '（' + Math.max(1, Math.round(body.size / 1024)) + ' KB）';
            label.className = 'work-status ok';
          } else {
            label.textContent = body.detail || '上传失败，请重试';
            label.className = 'work-status failed';
          }
        });
      })
      .catch(function () {
        label.textContent = '网络中断，作品未上传，请重新选择文件';
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
    if (!window.confirm('确定交卷吗？交卷后不能再修改答案。')) {
      event.preventDefault();
      return;
    }
    submitting = true;
  });
})();
