// The preview tool: edit JSON, see the phone's rendering, the SMS fallback and the violations.
(function () {
  'use strict';

  var editor = document.getElementById('editor');
  var phone = document.getElementById('phone');
  var smsFacts = document.getElementById('sms-facts');
  var sms = document.getElementById('sms');
  var violations = document.getElementById('violations');
  var curlButton = document.getElementById('curl');
  var curlCommand = document.getElementById('curl-command');
  var example = document.getElementById('example');
  var timer = null;
  var generation = 0;

  function text(tag, className, content) {
    var element = document.createElement(tag);
    if (className) { element.className = className; }
    if (content !== undefined) { element.textContent = content; }
    return element;
  }

  function render() {
    var body = editor.value;
    var mine = ++generation;
    if (body.trim() === '') {
      show({ violations: [] });
      return;
    }
    fetch('/preview/v1/render', {
      method: 'POST',
      // A CMCC outboundMessageRequest is XML; everything else the preview reads is JSON.
      headers: { 'Content-Type': body.trim().charAt(0) === '<' ? 'application/xml' : 'application/json' },
      body: body
    }).then(function (response) {
      return response.json().then(function (json) { return { status: response.status, json: json }; });
    }).then(function (answer) {
      if (mine !== generation) { return; }
      if (answer.status !== 200) {
        show({ violations: [{ path: '', code: answer.json.error.code,
          message: answer.json.error.message, severity: 'error' }] });
      } else {
        show(answer.json);
      }
    }).catch(function (e) {
      if (mine === generation) {
        show({ violations: [{ path: '', code: 'unavailable', message: String(e), severity: 'error' }] });
      }
    });
  }

  function show(result) {
    // Lets people and scripts tell a stale view from the current one.
    document.body.dataset.state = 'ready';
    // The fragment comes from card-renderer, which escapes every string and emits only safe links.
    phone.innerHTML = result.html || '';
    if (!result.html) {
      phone.appendChild(text('p', 'empty', editor.value.trim() === ''
        ? 'Type or paste rich-card JSON, or choose an example.'
        : 'Not rendered: fix the errors listed under Violations.'));
    }
    sms.replaceChildren();
    if (result.sms) {
      smsFacts.textContent = result.sms.encoding + ' \u00b7 ' + result.sms.segments
        + (result.sms.segments === 1 ? ' segment' : ' segments')
        + ' \u00b7 units ' + result.sms.units.join(' + ')
        + (result.sms.shortened ? ' \u00b7 shortened to fit' : '')
        + (result.sms.overBudget ? ' \u00b7 over the segment budget' : '');
      result.sms.parts.forEach(function (part, index) {
        var segment = text('div', 'segment');
        segment.appendChild(text('div', 'units', 'Segment ' + (index + 1) + ': ' + part.units + ' units'));
        segment.appendChild(text('pre', 'sms-text', part.text));
        sms.appendChild(segment);
      });
    } else {
      smsFacts.textContent = result.html ? 'This content never goes as SMS.' : '';
    }
    violations.replaceChildren();
    if (result.violations.length === 0) {
      violations.appendChild(text('li', 'none', result.html ? 'None: the document is valid.' : ''));
    }
    result.violations.forEach(function (v) {
      var item = text('li', v.severity);
      item.tabIndex = 0;
      item.dataset.path = v.path;
      item.dataset.code = v.code;
      item.appendChild(text('strong', null, v.severity + ' '));
      item.appendChild(text('code', null, (v.path || '/') + ' '));
      item.appendChild(text('span', 'code', v.code + ': '));
      item.appendChild(text('span', 'message', v.message));
      item.addEventListener('click', function () { highlight(v.path); });
      item.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); highlight(v.path); }
      });
      violations.appendChild(item);
    });
  }

  function highlight(pointer) {
    var span = window.JsonPointers.spanOf(editor.value, pointer);
    editor.focus();
    if (span) {
      editor.setSelectionRange(span.start, span.end);
      var line = editor.value.slice(0, span.start).split('\n').length;
      editor.scrollTop = Math.max(0, (line - 3) * 19);
    }
  }

  function schedule() {
    document.body.dataset.state = 'pending';
    clearTimeout(timer);
    timer = setTimeout(render, 200);
  }

  function sendRequest() {
    var doc;
    try { doc = JSON.parse(editor.value); } catch (e) { return null; }
    if (doc.RCSMessage) {
      doc.messageContact = doc.messageContact || { userContact: '+8613800000000' };
      return doc;
    }
    if (doc.message) { return { messageContact: { userContact: '+8613800000000' }, RCSMessage: { richcardMessage: doc } }; }
    if (doc.suggestions) { return null; }
    return { messageContact: { userContact: '+8613800000000' }, RCSMessage: doc };
  }

  curlButton.addEventListener('click', function () {
    var request = sendRequest();
    var command = request === null
      ? '# Fix the JSON first: a chip list alone cannot be sent, and the JSON must parse.'
      : "curl -X POST '" + location.origin + "/bot/v1/$BOT_ID/messages' \\\n"
        + "  -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\\n"
        + "  -d '" + JSON.stringify(request).replace(/'/g, "'\\''") + "'";
    curlCommand.hidden = false;
    curlCommand.textContent = command;
    if (navigator.clipboard && request !== null) {
      navigator.clipboard.writeText(command).catch(function () { /* shown below the editor */ });
    }
  });

  example.addEventListener('change', function () {
    if (!example.value) { return; }
    document.body.dataset.state = 'pending';
    fetch('/web/examples/' + example.value + '.json').then(function (r) { return r.text(); })
      .then(function (json) { editor.value = json; render(); });
  });

  // Tab keeps moving the focus (keyboard users must be able to leave the editor).
  editor.addEventListener('input', schedule);
  render();
})();
