// BudgetLens dashboard behaviour. No inline scripts anywhere (the Content-Security-Policy forbids them): pages
// carry their data in data- attributes and this file reads them.
(function () {
  'use strict';

  function drawCharts() {
    if (typeof echarts === 'undefined') { return; }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var option;
      try { option = JSON.parse(el.getAttribute('data-chart')); } catch (e) { return; }
      var chart = echarts.init(el);
      chart.setOption(option);
      el.setAttribute('data-rendered', 'true');
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  // Clicking a finding marks its highlighted evidence as active; the link's #anchor scrolls to it.
  function activateFinding(anchor) {
    document.querySelectorAll('mark.active, li.finding.active').forEach(function (el) { el.classList.remove('active'); });
    if (!anchor) { return; }
    document.querySelectorAll('mark.ev-' + anchor).forEach(function (el) { el.classList.add('active'); });
    var item = document.getElementById(anchor);
    if (item) { item.classList.add('active'); }
  }

  function wireFindings() {
    document.querySelectorAll('a.finding-link[data-finding]').forEach(function (link) {
      link.addEventListener('click', function () { activateFinding(link.getAttribute('data-finding')); });
    });
    var hash = decodeURIComponent(window.location.hash.replace(/^#/, ''));
    if (/^f-[VX]-\d+$/.test(hash)) { activateFinding(hash); }
  }

  function wireDelete() {
    var button = document.getElementById('delete-draft');
    if (!button) { return; }
    button.addEventListener('click', function () {
      var id = button.getAttribute('data-document');
      fetch('/api/v1/disclosures/' + encodeURIComponent(id), { method: 'DELETE' }).then(function (response) {
        if (response.status === 204) { window.location.assign('/upload'); }
        else { response.json().then(function (p) { alert(p.detail || response.status); }); }
      });
    });
  }

  function wireUpload() {
    var form = document.getElementById('upload-form');
    if (!form) { return; }
    var progress = document.getElementById('upload-progress');
    var status = document.getElementById('upload-status');
    var list = document.getElementById('upload-findings');
    var open = document.getElementById('upload-open');
    var english = progress.getAttribute('data-lang') === 'en';

    function step(name) { document.getElementById('step-' + name).classList.add('done'); }

    function poll(id, attempt) {
      fetch('/api/v1/disclosures/' + encodeURIComponent(id)).then(function (response) {
        if (response.status === 404) { return null; }
        return response.json();
      }).then(function (d) {
        if (d) {
          step('received');
          if (d.status === 'PARSED' || d.status === 'VALIDATED') { step('parsed'); }
          if (d.status === 'REJECTED') {
            status.textContent = progress.getAttribute('data-rejected') + ': ' + (d.rejectionReasons || []).join('; ');
            return;
          }
          if (d.status === 'VALIDATED') {
            step('validated');
            status.textContent = progress.getAttribute('data-validated');
            list.textContent = '';
            (d.findings || []).forEach(function (f, i) {
              var li = document.createElement('li');
              li.className = 'finding sev-' + f.severity;
              var a = document.createElement('a');
              a.href = '/disclosures/' + encodeURIComponent(id) + '#f-' + (f.source === 'CROSS_DOCUMENT' ? 'X' : 'V') + '-' + f.index;
              a.textContent = f.severity + ' ' + f.ruleId + ': ' + (english ? f.messageEn : f.messageZh);
              li.appendChild(a);
              list.appendChild(li);
            });
            if (!d.findings || d.findings.length === 0) {
              var none = document.createElement('li');
              none.textContent = progress.getAttribute('data-none');
              list.appendChild(none);
            }
            open.href = '/disclosures/' + encodeURIComponent(id);
            open.hidden = false;
            return;
          }
        }
        if (attempt < 300) { setTimeout(function () { poll(id, attempt + 1); }, 500); }
      });
    }

    function follow(request) {
      request.then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      }).then(function (answer) {
        if (!answer.ok) { status.textContent = answer.body.detail || answer.body.title; return; }
        step('received');
        status.setAttribute('data-document', answer.body.documentId);
        poll(answer.body.documentId, 0);
      }).catch(function (e) { status.textContent = String(e); });
    }

    function reset() {
      progress.hidden = false;
      status.textContent = '…';
      list.textContent = '';
      open.hidden = true;
      document.querySelectorAll('ol.steps li').forEach(function (li) { li.classList.remove('done'); });
    }

    var fetchForm = document.getElementById('fetch-form');
    if (fetchForm) {
      fetchForm.addEventListener('submit', function (event) {
        event.preventDefault();
        var url = document.getElementById('fetch-url').value;
        if (!url) { return; }
        var draft = document.getElementById('fetch-draft').checked;
        reset();
        follow(fetch('/api/v1/uploads/fetch', {
          method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ url: url, visibility: draft ? 'draft' : 'public' })
        }));
      });
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var files = document.getElementById('upload-file').files;
      var file = files[0];
      if (!file) { return; }
      var draft = document.getElementById('upload-draft').checked;
      reset();
      var request;
      if (files.length > 1) {
        // Several files of one disclosure (narrative and tables…): one document, sent as multipart.
        var data = new FormData();
        Array.prototype.forEach.call(files, function (f) { data.append('file', f, f.name); });
        request = fetch('/api/v1/uploads?visibility=' + (draft ? 'draft' : 'public'), { method: 'POST', body: data });
      } else {
        var type = file.type || (/\.md$/i.test(file.name) ? 'text/markdown' : /\.html?$/i.test(file.name) ? 'text/html'
          : /\.pdf$/i.test(file.name) ? 'application/pdf' : /\.txt$/i.test(file.name) ? 'text/plain' : 'application/octet-stream');
        request = fetch('/api/v1/uploads?visibility=' + (draft ? 'draft' : 'public') + '&filename=' + encodeURIComponent(file.name), {
          method: 'POST', headers: { 'Content-Type': type }, body: file
        });
      }
      follow(request);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    drawCharts();
    wireFindings();
    wireDelete();
    wireUpload();
  });
}());

// A finding on its PDF page: place each evidence box from its data-box percentages (no inline styles: CSP).
(function () {
  document.querySelectorAll('.page-view .hl[data-box]').forEach(function (el) {
    var b = el.getAttribute('data-box').split(',').map(Number);
    el.style.left = b[0] + '%';
    el.style.top = b[1] + '%';
    el.style.width = b[2] + '%';
    el.style.height = b[3] + '%';
  });
})();
