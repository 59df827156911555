// The console: the operator (admin token) or a chatbot (its client credentials, exchanged for a
// bearer token here) sees chatbots, their campaigns with live progress, and the insights charts.
// The token is kept in sessionStorage: it lives as long as the tab, never in localStorage.
(function () {
  'use strict';

  var POLL_MS = 1000;             // campaigns, while one is running or scheduled
  var INSIGHTS_MS = 60000;        // the charts, whatever the campaigns do
  var HOUR_MS = 3600 * 1000;
  var STORAGE_KEY = 'openmaap.console';
  var LIVE = { running: true, scheduled: true };
  var ACTIONS = {
    pause: { label: 'Pause', from: ['scheduled', 'running'] },
    resume: { label: 'Resume', from: ['paused'] },
    cancel: { label: 'Cancel', from: ['draft', 'scheduled', 'running', 'paused'] }
  };
  var COUNTS = ['pending', 'sent', 'delivered', 'displayed', 'deliveredToNetwork',
    'deliveredAsSms', 'failed', 'cancelled', 'skipped_opted_out', 'skipped_duplicate',
    'skipped_invalid'];
  var TOTALS = [['sent', 'Sent'], ['delivered', 'Delivered'], ['displayed', 'Read'],
    ['failed', 'Failed'], ['fallback', 'Fell back to SMS'], ['received', 'Received'],
    ['responses', 'Responses']];

  function byId(id) { return document.getElementById(id); }

  var ui = {
    signIn: byId('sign-in'), signInMessage: byId('sign-in-message'),
    adminForm: byId('admin-form'), adminToken: byId('admin-token'),
    botForm: byId('bot-form'), botId: byId('bot-id'), clientId: byId('client-id'),
    clientSecret: byId('client-secret'),
    workspace: byId('workspace'), who: byId('who'), signOut: byId('sign-out'),
    botsBox: byId('bots-box'), bots: byId('bots'), status: byId('status'),
    botTitle: byId('bot-title'), campaigns: byId('campaigns'),
    campaignsEmpty: byId('campaigns-empty'), insightsStatus: byId('insights-status'),
    charts: byId('charts'), totals: byId('totals'), volume: byId('chart-volume'),
    rates: byId('chart-rates')
  };

  // Who is signed in ({kind: 'admin'|'bot', token, botId?}) and what is on screen. A new sign-in
  // or a new chatbot starts a new generation; answers for an older one are dropped.
  var session = null;
  var view = { generation: 0, botId: null, pollTimer: null, insightsTimer: null, charts: {} };

  function el(tag, className, text) {
    var element = document.createElement(tag);
    if (className) { element.className = className; }
    if (text !== undefined && text !== null) { element.textContent = text; }
    return element;
  }

  function showStatus(text) { ui.status.textContent = text || ''; }

  // ----- the API ---------------------------------------------------------------------------

  /** A refused token: the page goes back to the sign-in form with this message. */
  function Unauthorized(message) { this.message = message; }

  /** A call with the session's token; answers the JSON body or rejects with its error message. */
  function call(method, path) {
    return fetch(path, {
      method: method,
      headers: { Authorization: 'Bearer ' + session.token, Accept: 'application/json' }
    }).then(function (response) {
      return response.text().then(function (text) {
        var body = null;
        try { body = text ? JSON.parse(text) : null; } catch (notJson) { body = null; }
        if (response.status === 401) {
          throw new Unauthorized('The platform refused the token; sign in again.');
        }
        if (!response.ok) {
          var error = new Error(body && body.error && body.error.message
            ? body.error.message : method + ' ' + path + ' answered ' + response.status);
          error.status = response.status;
          throw error;
        }
        return body;
      });
    });
  }

  /** The campaign API's root: the bot's own, or the admin API's for any bot. */
  function campaignsPath(botId) {
    var bot = encodeURIComponent(botId);
    return session.kind === 'admin' ? '/admin/v1/chatbots/' + bot + '/campaigns'
      : '/bot/v1/' + bot + '/campaigns';
  }

  function insightsPath(botId, from, to) {
    var range = 'from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to);
    return session.kind === 'admin'
      ? '/admin/v1/insights?' + range + '&botId=' + encodeURIComponent(botId)
      : '/bot/v1/' + encodeURIComponent(botId) + '/insights?' + range;
  }

  function failed(error) {
    if (error instanceof Unauthorized) {
      signOut(error.message);
      return;
    }
    showStatus(error.message);
  }

  // ----- signing in ------------------------------------------------------------------------

  function begin(signedIn, message) {
    session = signedIn;
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(signedIn));
    ui.signIn.hidden = true;
    ui.workspace.hidden = false;
    ui.signOut.hidden = false;
    ui.signInMessage.textContent = '';
    document.body.dataset.signedIn = signedIn.kind;
    ui.who.textContent = signedIn.kind === 'admin' ? 'Operator' : 'Chatbot ' + signedIn.botId;
    showStatus(message);
    if (signedIn.kind === 'admin') {
      ui.botsBox.hidden = false;
      loadBots();
    } else {
      ui.botsBox.hidden = true;
      choose(signedIn.botId);
    }
  }

  function signOut(message) {
    session = null;
    sessionStorage.removeItem(STORAGE_KEY);
    stopTimers();
    view.generation++;
    view.botId = null;
    ui.campaigns.textContent = '';
    ui.bots.textContent = '';
    ui.totals.textContent = '';
    ui.charts.hidden = true;
    ui.workspace.hidden = true;
    ui.signOut.hidden = true;
    ui.signIn.hidden = false;
    ui.who.textContent = '';
    document.body.dataset.signedIn = 'none';
    ui.signInMessage.textContent = message || '';
  }

  ui.adminForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var token = ui.adminToken.value.trim();
    ui.adminToken.value = '';
    // The chatbot list is the admin token's test: a wrong one comes back as a 401.
    begin({ kind: 'admin', token: token });
  });

  ui.botForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var botId = ui.botId.value.trim();
    var form = new URLSearchParams();
    form.set('grant_type', 'client_credentials');
    form.set('client_id', ui.clientId.value.trim());
    form.set('client_secret', ui.clientSecret.value);
    ui.clientSecret.value = '';
    fetch('/oauth2/v1/token', { method: 'POST', body: form }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (body) {
        if (!response.ok || !body || !body.access_token) {
          throw new Error(body && body.error && body.error.message
            ? 'The client id and secret were refused: ' + body.error.message
            : 'The client id and secret were refused (' + response.status + ').');
        }
        begin({ kind: 'bot', token: body.access_token, botId: botId });
      });
    }).catch(function (error) {
      ui.signInMessage.textContent = error.message;
    });
  });

  ui.signOut.addEventListener('click', function () { signOut(''); });

  // ----- chatbots --------------------------------------------------------------------------

  function loadBots() {
    call('GET', '/admin/v1/chatbots').then(function (body) {
      ui.bots.textContent = '';
      (body.chatbots || []).forEach(function (bot) {
        var item = el('li');
        var button = el('button', 'bot', bot.name || bot.botId);
        button.type = 'button';
        button.dataset.botId = bot.botId;
        button.title = bot.botId;
        if (bot.color) { button.style.borderLeftColor = bot.color; }
        button.addEventListener('click', function () { choose(bot.botId); });
        item.appendChild(button);
        ui.bots.appendChild(item);
      });
      if (!body.chatbots || body.chatbots.length === 0) {
        ui.bots.appendChild(el('li', 'empty', 'No chatbots registered.'));
      }
    }).catch(failed);
  }

  function choose(botId) {
    stopTimers();
    view.generation++;
    view.botId = botId;
    ui.botTitle.textContent = botId;
    ui.campaigns.textContent = '';
    Array.prototype.forEach.call(ui.bots.querySelectorAll('.bot'), function (button) {
      button.setAttribute('aria-current', button.dataset.botId === botId ? 'true' : 'false');
    });
    showStatus('');
    refreshCampaigns();
    refreshInsights();
  }

  function stopTimers() {
    clearTimeout(view.pollTimer);
    clearTimeout(view.insightsTimer);
    view.pollTimer = null;
    view.insightsTimer = null;
  }

  // ----- campaigns -------------------------------------------------------------------------

  function refreshCampaigns() {
    var generation = view.generation;
    clearTimeout(view.pollTimer);
    view.pollTimer = null;
    return call('GET', campaignsPath(view.botId)).then(function (body) {
      if (generation !== view.generation) { return; }
      var campaigns = body.campaigns || [];
      renderCampaigns(campaigns);
      var live = campaigns.some(function (campaign) { return LIVE[campaign.status]; });
      if (live) { view.pollTimer = setTimeout(refreshCampaigns, POLL_MS); }
    }).catch(function (error) {
      if (generation === view.generation) { failed(error); }
    });
  }

  function renderCampaigns(campaigns) {
    ui.campaignsEmpty.hidden = campaigns.length > 0;
    var existing = {};
    Array.prototype.forEach.call(ui.campaigns.children, function (item) {
      existing[item.dataset.campaignId] = item;
    });
    // Entries are updated in place, so a button keeps its focus across polls.
    campaigns.forEach(function (campaign, index) {
      var item = existing[campaign.campaignId] || campaignEntry(campaign.campaignId);
      delete existing[campaign.campaignId];
      updateEntry(item, campaign);
      if (ui.campaigns.children[index] !== item) {
        ui.campaigns.insertBefore(item, ui.campaigns.children[index] || null);
      }
    });
    Object.keys(existing).forEach(function (id) { existing[id].remove(); });
  }

  function campaignEntry(campaignId) {
    var item = el('li', 'campaign');
    item.dataset.campaignId = campaignId;
    var head = el('div', 'head');
    head.appendChild(el('span', 'name'));
    head.appendChild(el('span', 'badge'));
    item.appendChild(head);
    var progress = el('progress', 'progress');
    progress.setAttribute('aria-label', 'Handed on');
    item.appendChild(progress);
    item.appendChild(el('div', 'share'));
    item.appendChild(el('dl', 'counts'));
    var actions = el('div', 'actions');
    Object.keys(ACTIONS).forEach(function (action) {
      var button = el('button', 'action', ACTIONS[action].label);
      button.type = 'button';
      button.dataset.action = action;
      button.addEventListener('click', function () { act(item.dataset.campaignId, action); });
      actions.appendChild(button);
    });
    item.appendChild(actions);
    return item;
  }

  function updateEntry(item, campaign) {
    var recipients = campaign.recipients || 0;
    var counts = campaign.counts || {};
    var handed = Math.max(0, recipients - (counts.pending || 0));
    // A campaign of no recipients is done once it completes, and not before.
    var done = campaign.status === 'completed';
    var share = recipients === 0 ? (done ? 1 : 0) : handed / recipients;
    item.dataset.status = campaign.status;
    item.querySelector('.name').textContent = campaign.name;
    item.querySelector('.badge').textContent = campaign.status;
    var progress = item.querySelector('.progress');
    progress.max = Math.max(recipients, 1);
    progress.value = recipients === 0 ? share : handed;
    item.querySelector('.share').textContent = handed + ' of ' + recipients + ' handed on ('
      + Math.floor(share * 100) + '%), ' + campaign.ratePerSecond + ' per second';
    var list = item.querySelector('.counts');
    list.textContent = '';
    COUNTS.forEach(function (name) {
      if (counts[name] === undefined || counts[name] === null) { return; }
      var pair = el('div', 'count');
      pair.dataset.count = name;
      pair.appendChild(el('dt', null, name.replace(/_/g, ' ')));
      pair.appendChild(el('dd', null, String(counts[name])));
      list.appendChild(pair);
    });
    if (campaign.byChannel) {
      Object.keys(campaign.byChannel).forEach(function (channel) {
        var pair = el('div', 'count');
        pair.dataset.count = 'channel-' + channel;
        pair.appendChild(el('dt', null, 'by ' + channel.toUpperCase()));
        pair.appendChild(el('dd', null, String(campaign.byChannel[channel])));
        list.appendChild(pair);
      });
    }
    Array.prototype.forEach.call(item.querySelectorAll('.action'), function (button) {
      button.hidden = ACTIONS[button.dataset.action].from.indexOf(campaign.status) < 0;
    });
  }

  function act(campaignId, action) {
    var generation = view.generation;
    var path = campaignsPath(view.botId) + '/' + encodeURIComponent(campaignId) + ':' + action;
    call('POST', path).then(function (campaign) {
      if (generation !== view.generation) { return; }
      showStatus('Campaign "' + campaign.name + '" is ' + campaign.status + '.');
      return refreshCampaigns();
    }).catch(function (error) {
      if (generation === view.generation) { failed(error); }
    });
  }

  // ----- insights --------------------------------------------------------------------------

  function refreshInsights() {
    var generation = view.generation;
    clearTimeout(view.insightsTimer);
    var to = new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS + HOUR_MS);
    var from = new Date(to.getTime() - 24 * HOUR_MS);
    call('GET', insightsPath(view.botId, from.toISOString(), to.toISOString()))
      .then(function (insights) {
        if (generation !== view.generation) { return; }
        ui.insightsStatus.textContent = '';
        ui.charts.hidden = false;
        renderInsights(insights);
      }).catch(function (error) {
        if (generation !== view.generation) { return; }
        ui.charts.hidden = true;
        if (error.status === 404 && !(error instanceof Unauthorized)) {
          ui.insightsStatus.textContent = 'Insights unavailable: ' + error.message;
          return;
        }
        failed(error);
      }).then(function () {
        if (generation === view.generation && session) {
          view.insightsTimer = setTimeout(refreshInsights, INSIGHTS_MS);
        }
      });
  }

  function renderInsights(insights) {
    var totals = insights.totals || {};
    ui.totals.textContent = '';
    TOTALS.forEach(function (entry) {
      var pair = el('div', 'total');
      pair.dataset.total = entry[0];
      pair.appendChild(el('dt', null, entry[1]));
      pair.appendChild(el('dd', null, String(totals[entry[0]] || 0)));
      ui.totals.appendChild(pair);
    });
    var hours = insights.hours || [];
    var xs = hours.map(function (hour) { return Date.parse(hour.hour) / 1000; });
    function column(read) { return hours.map(read); }
    function channel(name) {
      return column(function (hour) { return (hour.byChannel && hour.byChannel[name]) || 0; });
    }
    // An hour that sent nothing has no rate (the API says 0): a gap, not a drop to zero.
    function rate(name) {
      return column(function (hour) {
        var value = hour[name];
        return !hour.sent || value === undefined || value === null ? null : value * 100;
      });
    }
    draw('volume', ui.volume, [xs, channel('rcs'), channel('sms')], [
      { label: 'RCS', stroke: '#1f6feb', fill: 'rgba(31, 111, 235, 0.35)', bars: -1 },
      { label: 'SMS', stroke: '#d97706', fill: 'rgba(217, 119, 6, 0.35)', bars: 1 }
    ], function (u, values) { return values.map(function (v) { return String(v); }); });
    draw('rates', ui.rates, [xs, rate('deliveryRate'), rate('readRate'), rate('fallbackRate'),
      rate('responseRate')], [
      { label: 'Delivered', stroke: '#15803d' },
      { label: 'Read', stroke: '#1f6feb' },
      { label: 'Fell back', stroke: '#d97706' },
      { label: 'Responded', stroke: '#9333ea' }
    ], function (u, values) { return values.map(function (v) { return v + '%'; }); }, [0, 100]);
    ui.volume.dataset.hours = String(hours.length);
    ui.volume.dataset.sent = String(totals.sent || 0);
    ui.rates.dataset.hours = String(hours.length);
  }

  function chartWidth(target) {
    return Math.max(280, Math.floor(target.clientWidth || 600));
  }

  function draw(name, target, data, series, values, range) {
    if (typeof uPlot === 'undefined') {
      ui.insightsStatus.textContent = 'The chart library did not load.';
      return;
    }
    if (view.charts[name]) { view.charts[name].destroy(); }
    target.textContent = '';
    view.charts[name] = new uPlot({
      width: chartWidth(target),
      height: 220,
      // Half an hour either side, so the first and last hours' bars are drawn whole.
      scales: {
        x: { time: true, range: function (u, min, max) { return [min - 1800, max + 1800]; } },
        y: range ? { range: range } : { auto: true }
      },
      axes: [{}, { values: values, size: 56 }],
      series: [{}].concat(series.map(function (s) {
        var drawn = { label: s.label, stroke: s.stroke, width: 2, spanGaps: false };
        if (s.fill) { drawn.fill = s.fill; }
        // Bars side by side within their hour: one left of the tick, one right of it.
        if (s.bars) {
          drawn.paths = uPlot.paths.bars({ align: s.bars, size: [0.4, 16] });
          drawn.points = { show: false };
        }
        return drawn;
      }))
    }, data, target);
  }

  window.addEventListener('resize', function () {
    Object.keys(view.charts).forEach(function (name) {
      var chart = view.charts[name];
      chart.setSize({ width: chartWidth(chart.root.parentNode), height: 220 });
    });
  });

  // ----- start -----------------------------------------------------------------------------

  var kept = null;
  try {
    kept = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
  } catch (unreadable) {
    kept = null;
  }
  if (kept && kept.token) { begin(kept); }
}());
