// The phone simulator: one phone on the network side. As an RCS phone it talks to the platform
// over the device WebSocket (API.md "Network side"); as an SMS-only phone it reads the in-JVM
// SMSC's inbox and answers by SMS. The network token comes from the URL fragment
// (/simulator#token=...&msisdn=...&mode=sms), which never reaches a server log, or from the form.
(function () {
  'use strict';

  var TYPING_IDLE_MS = 3000;      // a user who stops typing this long is idle again
  var TYPING_SHOWN_MS = 20000;    // a chatbot's indicator with no follow-up fades, as on phones
  var SMS_POLL_MS = 1000;
  var SMS_RETRY_MS = 5000;
  var FIRST_RECONNECT_MS = 1000;
  var MAX_RECONNECT_MS = 30000;
  var SIMULATED_POSITION = { lat: '39.9087', lon: '116.3975', label: 'Tiananmen Square, Beijing' };

  function byId(id) { return document.getElementById(id); }

  var ui = {
    settingsBox: byId('settings-box'), settings: byId('settings'), msisdn: byId('msisdn'),
    token: byId('token'),
    status: byId('status'), phoneNumber: byId('phone-number'), badge: byId('network-badge'),
    listView: byId('list-view'), listTitle: byId('list-title'),
    conversations: byId('conversations'), listEmpty: byId('list-empty'),
    chatView: byId('chat-view'), back: byId('back'), chatAvatar: byId('chat-avatar'),
    chatTitle: byId('chat-title'), messages: byId('messages'), composer: byId('composer'),
    text: byId('text'), shareLocation: byId('share-location'),
    sheet: byId('sheet'), sheetTitle: byId('sheet-title'), sheetBody: byId('sheet-body'),
    sheetConfirm: byId('sheet-confirm'),
    menu: byId('menu'), menuBack: byId('menu-back'), menuTitle: byId('menu-title'),
    menuEntries: byId('menu-entries'), menuToggle: byId('menu-toggle')
  };

  // Everything this phone knows. A new number or token starts a new phone (a new generation);
  // callbacks of an older generation find the generation changed and do nothing.
  var phone = {
    generation: 0, msisdn: '', token: '', mode: 'rcs',
    socket: null, reconnectDelay: FIRST_RECONNECT_MS, reconnectTimer: null,
    chats: {},            // key ('rcs:' + botId or 'sms:' + sender number) -> conversation
    open: null,           // the key of the conversation on screen, or null for the list
    shown: {},            // msgId -> entry of every chatbot message on screen (devices dedupe)
    nextFrameId: 1, waiting: {},   // frame id -> own entry waiting for its ack
    smsCursor: null, smsTimer: null,
    typingTo: null, typingTimer: null,
    unseen: []            // entries on screen while the page was hidden: read once it shows
  };

  var seen = new IntersectionObserver(function (records) {
    records.forEach(function (record) {
      if (record.isIntersecting) { markSeen(record.target); }
    });
  }, { root: ui.messages, threshold: 0 });

  // ----- small helpers ---------------------------------------------------------------------

  function el(tag, className, text) {
    var element = document.createElement(tag);
    if (className) { element.className = className; }
    if (text !== undefined && text !== null) { element.textContent = text; }
    return element;
  }

  function say(message) { ui.status.textContent = message; }

  function setConnection(state) { document.body.dataset.connection = state; }

  function api(method, path, body) {
    var init = { method: method, headers: { Authorization: 'Bearer ' + phone.token } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      if (response.status === 204) { return {}; }
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok) {
          var failure = new Error(json.error ? json.error.message : 'HTTP ' + response.status);
          failure.status = response.status;
          throw failure;
        }
        return json;
      });
    });
  }

  function devicePath(suffix) {
    return '/network/v1/devices/' + encodeURIComponent(phone.msisdn) + (suffix || '');
  }

  function smsPath(box) {
    return '/network/v1/sms/' + encodeURIComponent(phone.msisdn) + '/' + box;
  }

  // ----- conversations ---------------------------------------------------------------------

  function conversation(kind, id) {
    var key = kind + ':' + id;
    var chat = phone.chats[key];
    if (!chat) {
      chat = { key: key, kind: kind, id: id, name: id, color: null, iconUrl: null, menu: null,
        description: null, last: '', lastAt: 0, unread: 0, typing: null, log: el('div', 'log') };
      phone.chats[key] = chat;
    }
    return chat;
  }

  function botChat(botId, card) {
    var chat = conversation('rcs', botId);
    if (card) {
      chat.name = card.name || chat.name;
      chat.color = card.color || chat.color;
      chat.iconUrl = card.iconUrl || chat.iconUrl;
      if (card.description !== undefined) { chat.description = card.description; }
    }
    return chat;
  }

  function avatar(chat, className) {
    var badge = el('span', className);
    badge.setAttribute('aria-hidden', 'true');
    if (chat.color) { badge.style.background = chat.color; }
    if (chat.iconUrl) {
      var icon = el('img');
      icon.alt = '';
      icon.src = chat.iconUrl;
      icon.referrerPolicy = 'no-referrer';
      // A broken icon falls back to the initial on the chatbot's colour.
      icon.addEventListener('error', function () { icon.remove(); });
      badge.appendChild(icon);
    }
    var initial = chat.kind === 'sms' ? '#' : (chat.name || '?').charAt(0).toUpperCase();
    badge.appendChild(el('span', 'initial', initial));
    return badge;
  }

  function showList() {
    var focused = document.activeElement && document.activeElement.dataset
      ? document.activeElement.dataset.key : null;
    var chats = Object.keys(phone.chats).map(function (key) { return phone.chats[key]; })
      .filter(function (chat) { return chat.kind === phone.mode; })
      .sort(function (a, b) {
        return b.lastAt - a.lastAt || a.name.localeCompare(b.name);
      });
    ui.listTitle.textContent = phone.mode === 'rcs' ? 'Chats' : 'Messages (SMS)';
    ui.conversations.replaceChildren();
    chats.forEach(function (chat) {
      var item = el('li');
      var button = el('button', 'conversation');
      button.type = 'button';
      button.dataset.key = chat.key;
      button.appendChild(avatar(chat, 'avatar'));
      var words = el('span', 'words');
      words.appendChild(el('span', 'name', chat.name));
      var line = chat.typing ? 'typing\u2026' : chat.last || chat.description || '';
      words.appendChild(el('span', chat.typing ? 'line typing' : 'line', line));
      button.appendChild(words);
      if (chat.unread > 0) {
        var unread = el('span', 'unread', String(chat.unread));
        unread.setAttribute('aria-label', chat.unread + ' unread');
        button.appendChild(unread);
      }
      button.addEventListener('click', function () { openChat(chat.key); });
      item.appendChild(button);
      ui.conversations.appendChild(item);
      if (chat.key === focused) { button.focus(); }
    });
    ui.listEmpty.textContent = chats.length > 0 ? '' : phone.mode === 'rcs'
      ? 'No chatbots are registered on this platform yet.'
      : 'No SMS yet. What chatbots send to ' + phone.msisdn + ' arrives here.';
  }

  function openChat(key) {
    var chat = phone.chats[key];
    idle();
    phone.open = key;
    ui.chatTitle.textContent = chat.name;
    var badge = avatar(chat, 'avatar');
    badge.id = 'chat-avatar';
    ui.chatAvatar.replaceWith(badge);
    ui.chatAvatar = badge;
    ui.messages.replaceChildren(chat.log);
    ui.text.placeholder = chat.kind === 'rcs' ? 'RCS message' : 'Text message (SMS)';
    ui.shareLocation.hidden = chat.kind !== 'rcs';
    hideMenu();
    if (chat.kind === 'rcs') { loadMenu(chat); }
    ui.listView.hidden = true;
    ui.chatView.hidden = false;
    scrollToEnd();
    ui.text.focus();
  }

  function closeChat() {
    var key = phone.open;
    idle();
    phone.open = null;
    hideMenu();
    ui.messages.replaceChildren();
    ui.chatView.hidden = true;
    ui.listView.hidden = false;
    showList();
    var button = ui.conversations.querySelector('[data-key="' + CSS.escape(key || '') + '"]');
    if (button) { button.focus(); }
    if (phone.mode === 'rcs') { loadChatbots(); }
  }

  function changed(chat) {
    if (phone.open === null) { showList(); }
    if (phone.open === chat.key) { scrollToEnd(); }
  }

  function scrollToEnd() { ui.messages.scrollTop = ui.messages.scrollHeight; }

  function append(chat, entry, summary) {
    // As on phones, a chip list belongs to the latest message: anything newer puts it away.
    chat.log.querySelectorAll('.omp-chips').forEach(function (chips) { chips.hidden = true; });
    if (chat.typing) { chat.typing.before(entry); } else { chat.log.appendChild(entry); }
    if (summary !== undefined) {
      entry.dataset.summary = summary;
      chat.last = summary;
    }
    chat.lastAt = Date.now();
    changed(chat);
  }

  // ----- what arrives ----------------------------------------------------------------------

  function incoming(chat, entry, summary, receipt) {
    entry.classList.add('in');
    entry.dataset.unseen = 'true';
    entry.seenReceipt = receipt;
    chat.unread += 1;
    append(chat, entry, summary);
    seen.observe(entry);
  }

  // Seen means on screen in the open conversation while the page itself is visible.
  function markSeen(entry) {
    if (entry.dataset.unseen !== 'true') { return; }
    if (document.visibilityState !== 'visible') {
      phone.unseen.push(entry);
      return;
    }
    seen.unobserve(entry);
    delete entry.dataset.unseen;
    var chat = phone.chats[phone.open];
    if (chat) { chat.unread = Math.max(0, chat.unread - 1); }
    if (entry.seenReceipt) { entry.seenReceipt(); }
  }

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState !== 'visible') { return; }
    // Observing again reports what is on screen now.
    phone.unseen.splice(0).forEach(function (entry) {
      seen.unobserve(entry);
      seen.observe(entry);
    });
  });

  function onFrame(frame, socket) {
    if (frame.type === 'message') {
      onMessage(frame, socket);
    } else if (frame.type === 'isTyping') {
      onTyping(botChat(frame.from), frame.state === 'active');
    } else if (frame.type === 'revoke') {
      onRevoke(frame.msgId);
    } else if (frame.type === 'displayed') {
      ownReceipt(frame.msgId, 'Read');
    } else if (frame.type === 'ack') {
      var acked = phone.waiting[frame.ref];
      delete phone.waiting[frame.ref];
      if (acked) {
        if (frame.msgId) { acked.dataset.msgId = frame.msgId; }
        receipt(acked, 'Sent');
      }
    } else if (frame.type === 'error') {
      var failed = phone.waiting[frame.ref];
      delete phone.waiting[frame.ref];
      if (failed && failed.dataset.quiet) {
        say('The chatbot was not told of the tap: ' + frame.error.message);
      } else if (failed) {
        receipt(failed, 'Not sent: ' + frame.error.message);
      } else {
        say('The platform answered with an error: ' + frame.error.message);
      }
    }
  }

  function onMessage(frame, socket) {
    var msgId = frame.msgId;
    socket.send(JSON.stringify({ type: 'delivered', msgId: msgId }));
    if (phone.shown[msgId]) { return; }   // written again after a reconnect
    var chat = botChat(frame.from, frame.chatbot);
    onTyping(chat, false);
    var entry = el('div', 'entry');
    entry.dataset.msgId = msgId;
    entry.dataset.state = 'rendering';
    phone.shown[msgId] = entry;
    incoming(chat, entry, summary(frame.RCSMessage), function () {
      if (phone.socket) {
        phone.socket.send(JSON.stringify({ type: 'displayed', msgId: msgId }));
      }
    });
    api('POST', '/network/v1/render', { RCSMessage: frame.RCSMessage }).then(function (answer) {
      // card-renderer's fragment: every string escaped, only safe links.
      entry.innerHTML = answer.html;
      var later = entry.nextElementSibling;
      if (later && !later.classList.contains('typing')) {
        entry.querySelectorAll('.omp-chips').forEach(function (chips) { chips.hidden = true; });
      }
    }).catch(function (e) {
      entry.replaceChildren(bubble('omp-in', frame.RCSMessage.textMessage
        || 'This message could not be shown: ' + e.message));
    }).then(function () {
      entry.dataset.state = 'shown';
      if (phone.open === chat.key) { scrollToEnd(); }
    });
  }

  function summary(message) {
    if (message.textMessage) { return message.textMessage; }
    var rich = message.richcardMessage && message.richcardMessage.message;
    if (rich && rich.generalPurposeCard) {
      var content = rich.generalPurposeCard.content || {};
      return content.title || content.description || 'Card';
    }
    if (rich && rich.generalPurposeCardCarousel) {
      return 'Carousel of ' + (rich.generalPurposeCardCarousel.content || []).length + ' cards';
    }
    if (message.fileMessage) { return 'File: ' + (message.fileMessage.fileName || 'attachment'); }
    if (message.audioMessage) { return 'Audio message'; }
    if (message.geolocationPushMessage) {
      var place = message.geolocationPushMessage;
      return 'Location: ' + (place.label || place.pos);
    }
    return 'Message';
  }

  function onTyping(chat, active) {
    clearTimeout(chat.typingTimer);
    if (!active) {
      if (chat.typing) { chat.typing.remove(); chat.typing = null; changed(chat); }
      return;
    }
    if (!chat.typing) {
      chat.typing = el('div', 'entry in typing');
      var preview = el('div', 'omp-preview');
      var row = el('div', 'omp-msg omp-in');
      var dots = el('div', 'omp-bubble omp-typing');
      dots.setAttribute('role', 'status');
      dots.setAttribute('aria-label', chat.name + ' is typing');
      for (var i = 0; i < 3; i++) { dots.appendChild(el('span', 'omp-dot')); }
      row.appendChild(dots);
      preview.appendChild(row);
      chat.typing.appendChild(preview);
      chat.log.appendChild(chat.typing);
      changed(chat);
    }
    chat.typingTimer = setTimeout(function () { onTyping(chat, false); }, TYPING_SHOWN_MS);
  }

  function onRevoke(msgId) {
    var entry = phone.shown[msgId];
    if (!entry) { return; }
    delete phone.shown[msgId];
    seen.unobserve(entry);
    var chat = Object.keys(phone.chats).map(function (key) { return phone.chats[key]; })
      .filter(function (c) { return c.log.contains(entry); })[0];
    entry.remove();
    if (chat) {
      if (entry.dataset.unseen === 'true') { chat.unread = Math.max(0, chat.unread - 1); }
      var entries = chat.log.querySelectorAll('.entry[data-summary]');
      chat.last = entries.length ? entries[entries.length - 1].dataset.summary : '';
      changed(chat);
    }
  }

  // ----- what the user sends ---------------------------------------------------------------

  function bubble(side, text, extraClass) {
    var preview = el('div', 'omp-preview');
    var row = el('div', 'omp-msg ' + side);
    var content = el('div', 'omp-bubble ' + (extraClass || 'omp-text'), text);
    content.dir = 'auto';
    row.appendChild(content);
    preview.appendChild(row);
    return preview;
  }

  function own(chat, text, extraClass) {
    var entry = el('div', 'entry out');
    entry.appendChild(bubble('omp-out', text, extraClass));
    entry.appendChild(el('div', 'receipt', 'Sending\u2026'));
    append(chat, entry, 'You: ' + text);
    scrollToEnd();
    return entry;
  }

  function receipt(entry, text) { entry.querySelector('.receipt').textContent = text; }

  function ownReceipt(msgId, text) {
    var entry = document.querySelector('.entry.out[data-msg-id="' + CSS.escape(msgId) + '"]')
      || findOwn(msgId);
    if (entry) { receipt(entry, text); }
  }

  // Conversations that are not on screen are not in the document.
  function findOwn(msgId) {
    var keys = Object.keys(phone.chats);
    for (var i = 0; i < keys.length; i++) {
      var found = phone.chats[keys[i]].log
        .querySelector('.entry.out[data-msg-id="' + CSS.escape(msgId) + '"]');
      if (found) { return found; }
    }
    return null;
  }

  function sendRcs(chat, rcsMessage, entry) {
    var socket = phone.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      receipt(entry, 'Not sent: the phone is offline');
      return;
    }
    var id = phone.nextFrameId++;
    phone.waiting[id] = entry;
    socket.send(JSON.stringify({ type: 'message', id: id, to: chat.id, RCSMessage: rcsMessage }));
  }

  function sendSms(chat, text) {
    var entry = own(chat, text);
    api('POST', smsPath('outbox'), { to: chat.id, text: text }).then(function () {
      receipt(entry, 'Sent as SMS');
    }).catch(function (e) {
      receipt(entry, 'Not sent: ' + e.message);
    });
  }

  ui.composer.addEventListener('submit', function (event) {
    event.preventDefault();
    var chat = phone.chats[phone.open];
    var text = ui.text.value;
    if (!chat || text.trim() === '') { return; }
    ui.text.value = '';
    idle();
    if (chat.kind === 'sms') {
      sendSms(chat, text);
    } else {
      sendRcs(chat, { textMessage: text }, own(chat, text));
    }
  });

  // Typing indicators: active on the first keystroke, idle after a pause or when sent.
  ui.text.addEventListener('input', function () {
    var chat = phone.chats[phone.open];
    if (!chat || chat.kind !== 'rcs') { return; }
    if (phone.typingTo !== chat.id) {
      idle();
      phone.typingTo = chat.id;
      typing(chat.id, 'active');
    }
    clearTimeout(phone.typingTimer);
    phone.typingTimer = setTimeout(idle, TYPING_IDLE_MS);
  });

  function idle() {
    clearTimeout(phone.typingTimer);
    if (phone.typingTo !== null) {
      typing(phone.typingTo, 'idle');
      phone.typingTo = null;
    }
  }

  function typing(botId, state) {
    if (phone.socket && phone.socket.readyState === WebSocket.OPEN) {
      phone.socket.send(JSON.stringify({ type: 'isTyping', to: botId, state: state }));
    }
  }

  // ----- the chatbot's persistent menu -------------------------------------------------------

  // As a client does: the chatbot information (GET /bot, no credentials) carries the menu. The
  // browser revalidates its copy with the ETag, so an unchanged menu costs a 304.
  function loadMenu(chat) {
    fetch('/bot?id=' + encodeURIComponent(chat.id) + '&v=3', { cache: 'no-cache' })
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(function (info) {
        chat.menu = info.persistentMenu ? info.persistentMenu.menu : null;
        if (phone.open === chat.key && chat.menu) {
          ui.menuToggle.hidden = false;
          showMenu([{ displayText: '', entries: chat.menu.entries }]);
        }
      })
      .catch(function () { /* no menu: the composer stays as it is */ });
  }

  // levels: the path from the top menu to the submenu on screen, each { displayText, entries }.
  function showMenu(levels) {
    var level = levels[levels.length - 1];
    ui.menu.levels = levels;
    ui.menu.hidden = false;
    ui.menuToggle.setAttribute('aria-expanded', 'true');
    ui.menuBack.hidden = levels.length < 2;
    ui.menuTitle.textContent = level.displayText;
    ui.menuEntries.replaceChildren();
    level.entries.forEach(function (entry) { ui.menuEntries.appendChild(menuEntry(entry)); });
  }

  function hideMenu() {
    ui.menu.hidden = true;
    ui.menu.levels = null;
    ui.menuToggle.hidden = true;
    ui.menuToggle.setAttribute('aria-expanded', 'false');
  }

  // A reply or an action carries the data attributes card-renderer writes on a chip, so a tap
  // on it is a chip tap; a submenu opens its entries.
  function menuEntry(entry) {
    if (entry.menu) {
      var open = el('button', 'menu-entry submenu', entry.menu.displayText);
      open.type = 'button';
      open.addEventListener('click', function () {
        showMenu(ui.menu.levels.concat([entry.menu]));
      });
      return open;
    }
    var suggestion = entry.reply || entry.action;
    var data = { displayText: suggestion.displayText };
    if (suggestion.postback) { data.postback = suggestion.postback.data; }
    var link = null;
    if (entry.reply) {
      data.kind = 'reply';
    } else {
      var group = Object.keys(entry.action).filter(function (name) {
        return name !== 'displayText' && name !== 'postback';
      })[0];
      data.kind = Object.keys(entry.action[group])[0];
      actionData(entry.action[group][data.kind], data);
      link = data.kind === 'openUrl' && /^https?:\/\//i.test(data.url || '') ? data.url : null;
    }
    var button = el(link ? 'a' : 'button', 'omp-sugg menu-entry', suggestion.displayText);
    if (link) {
      button.href = link;
      button.target = '_blank';
      button.rel = 'noopener noreferrer';
    } else {
      button.type = 'button';
    }
    Object.keys(data).forEach(function (name) {
      if (data[name] !== undefined && data[name] !== null) { button.dataset[name] = data[name]; }
    });
    button.addEventListener('click', function (event) { tap(button, event); });
    return button;
  }

  // The action's own fields under the names SuggestionHtml gives them, for act().
  function actionData(fields, data) {
    ['url', 'phoneNumber', 'subject', 'fallbackUrl', 'startTime', 'endTime', 'title',
      'description', 'text'].forEach(function (name) { data[name] = fields[name]; });
    if (fields.type) { data.recordingType = fields.type; }
    var at = fields.location;
    if (at) {
      data.lat = at.latitude;
      data.lon = at.longitude;
      data.label = at.label;
      data.query = at.query;
    }
  }

  ui.menuBack.addEventListener('click', function () {
    showMenu(ui.menu.levels.slice(0, -1));
  });

  ui.menuToggle.addEventListener('click', function () {
    var chat = phone.chats[phone.open];
    if (!ui.menu.hidden) {
      ui.menu.hidden = true;
      ui.menuToggle.setAttribute('aria-expanded', 'false');
    } else if (chat && chat.menu) {
      showMenu([{ displayText: '', entries: chat.menu.entries }]);
    }
  });

  // ----- suggestions: chips and card buttons do what they say -------------------------------

  ui.messages.addEventListener('click', function (event) {
    var suggestion = event.target.closest('.omp-sugg');
    var location = event.target.closest('a.omp-location');
    if (suggestion) {
      tap(suggestion, event);
    } else if (location) {
      event.preventDefault();
      showPlace(location.querySelector('.omp-location-label').textContent,
        location.dataset.lat, location.dataset.lon, null, null);
    }
  });

  function tap(suggestion, event) {
    var chat = phone.chats[phone.open];
    if (!chat || chat.kind !== 'rcs') { return; }
    var data = suggestion.dataset;
    var tapped = { displayText: data.displayText };
    if (data.postback !== undefined) { tapped.postback = { data: data.postback }; }
    if (data.kind === 'reply') {
      sendRcs(chat, { suggestedResponse: { response: { reply: tapped } } },
        own(chat, data.displayText, 'omp-response'));
      return;
    }
    // An action tells the chatbot it was tapped, then the phone does it.
    sendRcs(chat, { suggestedResponse: { response: { action: tapped } } }, quiet());
    if (data.kind === 'openUrl' && suggestion.tagName === 'A') {
      return;   // the link opens in a new tab
    }
    event.preventDefault();
    act(chat, data);
  }

  // Actions leave no bubble: only a failure is worth a word, in the status line.
  function quiet() {
    var entry = el('div');
    entry.dataset.quiet = 'true';
    entry.appendChild(el('div', 'receipt'));
    return entry;
  }

  function act(chat, data) {
    switch (data.kind) {
      case 'dialPhoneNumber':
      case 'dialVideoCall':
      case 'dialEnrichedCall':
        sheet(data.kind === 'dialVideoCall' ? 'Video call' : 'Calling', [
          el('p', 'big', data.phoneNumber),
          data.subject ? el('p', null, 'Subject: ' + data.subject) : null,
          link(data.fallbackUrl, 'Open the chatbot\'s fallback link')]);
        break;
      case 'showLocation':
        showPlace(data.label || data.query, data.lat, data.lon, data.query, data.fallbackUrl);
        break;
      case 'requestLocationPush':
        askLocation(chat);
        break;
      case 'createCalendarEvent':
        sheet('New calendar event', [
          el('p', 'big', data.title),
          el('p', 'when', when(data.startTime) + ' \u2013 ' + when(data.endTime)),
          data.description ? el('p', null, data.description) : null,
          link(data.fallbackUrl, 'Open the chatbot\'s fallback link')]);
        break;
      case 'composeTextMessage':
        sheet('New text message', [el('p', null, 'To: ' + data.phoneNumber),
          el('p', 'draft', data.text)]);
        break;
      case 'composeRecordingMessage':
        sheet('Record a message', [el('p', null, 'To: ' + data.phoneNumber),
          el('p', null, 'The simulator has no microphone or camera; nothing is recorded.')]);
        break;
      case 'openUrl':
        sheet('Link not opened', [el('p', null, 'The simulator opens only http and https links.')]);
        break;
      case 'requestDeviceSpecifics':
        sheet('Device details', [el('p', null,
          'The chatbot asked for this phone\'s details; the simulator shares none.')]);
        break;
      case 'disableAnonymization':
        sheet('Share your number', [el('p', null,
          'The chatbot asked to see your number, ' + phone.msisdn + '.')]);
        break;
      case 'enableDisplayedNotifications':
        sheet('Read receipts', [el('p', null,
          'The chatbot asked for read receipts; this phone sends one when you see a message.')]);
        break;
      default:
        sheet('Action', [el('p', null, data.displayText)]);
    }
  }

  function when(timestamp) {
    var date = new Date(timestamp);
    return isNaN(date.getTime()) ? timestamp : date.toLocaleString();
  }

  function link(href, text) {
    if (!href) { return null; }
    var paragraph = el('p');
    var anchor = el('a', null, text);
    anchor.href = href;
    anchor.target = '_blank';
    anchor.rel = 'noopener noreferrer';
    paragraph.appendChild(anchor);
    return paragraph;
  }

  // A map link, never a map: the page loads nothing from outside the platform.
  function showPlace(label, lat, lon, query, fallbackUrl) {
    var map = null;
    if (lat && lon) {
      var pin = encodeURIComponent(lat) + '&mlon=' + encodeURIComponent(lon);
      map = 'https://www.openstreetmap.org/?mlat=' + pin + '#map=16/' + encodeURIComponent(lat)
        + '/' + encodeURIComponent(lon);
    } else if (query) {
      map = 'https://www.openstreetmap.org/search?query=' + encodeURIComponent(query);
    }
    sheet('Location', [
      label ? el('p', 'big', label) : null,
      lat && lon ? el('p', 'coords', lat + ', ' + lon) : null,
      link(map, 'Open in OpenStreetMap'),
      link(fallbackUrl, 'Open the chatbot\'s map link')]);
  }

  function askLocation(chat) {
    var fields = el('div', 'fields');
    var inputs = {};
    [['lat', 'Latitude'], ['lon', 'Longitude'], ['label', 'Place']].forEach(function (field) {
      var label = el('label', null, field[1] + ' ');
      var input = el('input');
      input.name = field[0];
      input.value = SIMULATED_POSITION[field[0]];
      label.appendChild(input);
      fields.appendChild(label);
      inputs[field[0]] = input;
    });
    var problem = el('p', 'problem');
    sheet('Share your location with ' + chat.name, [
      el('p', null, 'The simulator has no GPS: this is the position it shares.'), fields, problem],
    { label: 'Share', run: function () {
      var lat = Number(inputs.lat.value);
      var lon = Number(inputs.lon.value);
      if (inputs.lat.value.trim() === '' || inputs.lon.value.trim() === '' || isNaN(lat)
          || isNaN(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        problem.textContent = 'Latitude is -90 to 90 and longitude -180 to 180.';
        return false;
      }
      var place = inputs.label.value.trim();
      var location = { pos: lat + ' ' + lon };
      if (place) { location.label = place; }
      sendRcs(chat, { geolocationPushMessage: location },
        own(chat, '\uD83D\uDCCD ' + (place ? place + ' \u00b7 ' : '') + lat + ', ' + lon));
      return true;
    } });
  }

  ui.shareLocation.addEventListener('click', function () {
    var chat = phone.chats[phone.open];
    if (chat && chat.kind === 'rcs') { askLocation(chat); }
  });

  var confirmAction = null;

  function sheet(title, parts, confirm) {
    ui.sheetTitle.textContent = title;
    ui.sheetBody.replaceChildren();
    parts.forEach(function (part) { if (part) { ui.sheetBody.appendChild(part); } });
    confirmAction = confirm ? confirm.run : null;
    ui.sheetConfirm.hidden = !confirm;
    ui.sheetConfirm.textContent = confirm ? confirm.label : '';
    ui.sheet.showModal();
  }

  ui.sheetConfirm.addEventListener('click', function () {
    if (confirmAction && confirmAction()) { ui.sheet.close(); }
  });

  ui.sheet.addEventListener('close', function () {
    confirmAction = null;
    if (phone.open) { ui.text.focus(); }
  });

  // ----- the RCS connection ----------------------------------------------------------------

  function loadChatbots() {
    var mine = phone.generation;
    return api('GET', '/network/v1/chatbots').then(function (answer) {
      if (mine !== phone.generation) { return false; }
      answer.chatbots.forEach(function (card) { botChat(card.botId, card); });
      if (phone.open === null) { showList(); }
      return true;
    }).catch(function (e) {
      if (mine !== phone.generation) { return false; }
      if (e.status === 401) {
        setConnection('unauthorized');
        say('The network token was refused: enter the one the platform printed.');
        ui.token.focus();
        return false;
      }
      say('Could not list the chatbots: ' + e.message);
      return true;
    });
  }

  function connect() {
    clearTimeout(phone.reconnectTimer);
    var mine = phone.generation;
    var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host
      + devicePath('/ws') + '?token=' + encodeURIComponent(phone.token);
    var socket = new WebSocket(url);
    var opened = false;
    phone.socket = socket;
    setConnection('connecting');
    socket.onopen = function () {
      if (phone.socket !== socket) { return; }
      opened = true;
      phone.reconnectDelay = FIRST_RECONNECT_MS;
      setConnection('connected');
      say('Connected: ' + phone.msisdn + ' is an RCS phone.');
    };
    socket.onmessage = function (event) {
      // Frames of a socket being closed are not reported delivered, so the platform keeps them.
      if (phone.socket !== socket) { return; }
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      onFrame(frame, socket);
    };
    socket.onclose = function () {
      if (phone.socket !== socket) { return; }
      phone.socket = null;
      setConnection('offline');
      Object.keys(phone.waiting).forEach(function (id) {
        receipt(phone.waiting[id], 'Not confirmed: the connection dropped');
      });
      phone.waiting = {};
      if (mine !== phone.generation || phone.mode !== 'rcs') { return; }
      var delay = phone.reconnectDelay;
      phone.reconnectDelay = Math.min(MAX_RECONNECT_MS, delay * 2);
      say((opened ? 'Disconnected' : 'Could not connect') + '; trying again in '
        + Math.round(delay / 1000) + ' s.');
      phone.reconnectTimer = setTimeout(connect, delay);
    };
  }

  // Resolves once the platform has seen the socket close.
  function disconnect() {
    clearTimeout(phone.reconnectTimer);
    var socket = phone.socket;
    phone.socket = null;
    if (!socket || socket.readyState === WebSocket.CLOSED) { return Promise.resolve(); }
    return new Promise(function (resolve) {
      socket.addEventListener('close', function () { resolve(); });
      socket.close(1000, 'the phone left RCS');
    });
  }

  // ----- the SMS-only phone ----------------------------------------------------------------

  function smsOnly() {
    var mine = phone.generation;
    setConnection('switching');
    say('Switching to SMS only\u2026');
    // A connected device counts as RCS-capable: close first, then tell the network.
    return disconnect().then(function () {
      return api('DELETE', devicePath());
    }).then(function () {
      if (mine !== phone.generation || phone.mode !== 'sms') { return; }
      setConnection('sms-only');
      say(phone.msisdn + ' is an SMS-only phone: chatbots reach it by SMS.');
      pollSms();
    }).catch(function (e) {
      if (mine !== phone.generation || phone.mode !== 'sms') { return; }
      setConnection('offline');
      say('Could not switch to SMS only: ' + e.message);
    });
  }

  function pollSms() {
    clearTimeout(phone.smsTimer);
    var mine = phone.generation;
    var path = smsPath('inbox')
      + (phone.smsCursor ? '?since=' + encodeURIComponent(phone.smsCursor) : '');
    api('GET', path).then(function (answer) {
      if (mine !== phone.generation || phone.mode !== 'sms') { return; }
      answer.messages.forEach(onSms);
      phone.smsCursor = answer.cursor;
      phone.smsTimer = setTimeout(pollSms, SMS_POLL_MS);
    }).catch(function (e) {
      if (mine !== phone.generation || phone.mode !== 'sms') { return; }
      say(e.status === 404
        ? 'This platform shows no SMS inbox (it runs without its in-JVM SMSC).'
        : 'Could not read the SMS inbox: ' + e.message);
      phone.smsTimer = setTimeout(pollSms, SMS_RETRY_MS);
    });
  }

  function onSms(sms) {
    var chat = conversation('sms', sms.from);
    var entry = el('div', 'entry sms');
    entry.dataset.smsId = sms.id;
    entry.appendChild(bubble('omp-in', sms.text));
    entry.appendChild(el('div', 'receipt', sms.encoding + ' \u00b7 ' + sms.segments
      + (sms.segments === 1 ? ' segment' : ' segments')));
    incoming(chat, entry, sms.text, null);
  }

  // ----- settings --------------------------------------------------------------------------

  function chosenMode() {
    return ui.settings.querySelector('input[name="mode"]:checked').value;
  }

  function remember() {
    var fragment = new URLSearchParams();
    if (phone.token) { fragment.set('token', phone.token); }
    fragment.set('msisdn', phone.msisdn);
    if (phone.mode === 'sms') { fragment.set('mode', 'sms'); }
    history.replaceState(null, '', '#' + fragment.toString());
  }

  function enter(mode) {
    phone.mode = mode;
    document.body.dataset.mode = mode;
    ui.badge.textContent = mode === 'rcs' ? 'RCS' : 'SMS';
    idle();
    remember();
    if (phone.open !== null) { closeChat(); } else { showList(); }
    if (mode === 'sms') {
      smsOnly();
      return;
    }
    clearTimeout(phone.smsTimer);
    loadChatbots().then(function (ok) {
      if (ok && phone.mode === 'rcs' && !phone.socket) { connect(); }
    });
  }

  // A new number or token is a new phone: nothing of the old one carries over.
  function newPhone() {
    // On a phone-sized window the phone takes the screen; the settings fold away.
    if (matchMedia('(max-width: 640px)').matches) { ui.settingsBox.open = false; }
    phone.generation += 1;
    disconnect();
    clearTimeout(phone.smsTimer);
    Object.keys(phone.chats).forEach(function (key) {
      clearTimeout(phone.chats[key].typingTimer);
    });
    phone.typingTo = null;
    phone.chats = {};
    phone.shown = {};
    phone.waiting = {};
    phone.unseen = [];
    phone.smsCursor = null;
    phone.open = null;
    phone.msisdn = ui.msisdn.value.trim();
    phone.token = ui.token.value.trim();
    ui.phoneNumber.textContent = phone.msisdn;
    ui.messages.replaceChildren();
    ui.chatView.hidden = true;
    ui.listView.hidden = false;
  }

  ui.settings.addEventListener('submit', function (event) {
    event.preventDefault();
    if (ui.token.value.trim() === '') {
      say('Enter the network token (the demo prints a link that carries it).');
      ui.token.focus();
      return;
    }
    newPhone();
    enter(chosenMode());
  });

  ui.settings.addEventListener('change', function (event) {
    if (event.target.name !== 'mode' || phone.token === '') { return; }
    enter(chosenMode());
  });

  ui.back.addEventListener('click', closeChat);

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && phone.open !== null && !ui.sheet.open
        && ui.chatView.contains(document.activeElement)) {
      closeChat();
    }
  });

  var start = new URLSearchParams(location.hash.slice(1));
  if (start.get('msisdn')) { ui.msisdn.value = start.get('msisdn'); }
  if (start.get('token')) { ui.token.value = start.get('token'); }
  if (start.get('mode') === 'sms') {
    ui.settings.querySelector('input[name="mode"][value="sms"]').checked = true;
  }
  if (ui.token.value) {
    newPhone();
    enter(chosenMode());
  } else {
    say('Enter the network token (the demo prints a link that carries it).');
    ui.phoneNumber.textContent = ui.msisdn.value;
    showList();
  }
})();
