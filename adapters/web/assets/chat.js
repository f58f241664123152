// The web chat page. Messages go up with POST /chat/messages; the bot's replies come down as
// server-sent events on /chat/events, each carrying its reply's id, so a reply is shown once
// however often the stream reconnects. The session is an HttpOnly cookie this script never sees.
'use strict';

(() => {
  const conversation = document.getElementById('conversation');
  const welcome = document.getElementById('welcome');
  const form = document.getElementById('composer');
  const input = document.getElementById('text');
  const statusLine = document.getElementById('status');
  const shownReplies = new Set();
  const linkPattern = /https?:\/\/[^\s<>"]+/g;

  function setStatus(text) {
    statusLine.textContent = text || '';
    statusLine.hidden = !text;
  }

  // A message id of the page's own, so a post retried after a lost answer is recorded once.
  function newMessageId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function scrollToEnd() {
    conversation.scrollTop = conversation.scrollHeight;
  }

  // Text as text (never as HTML), its web addresses as links.
  function appendText(element, text) {
    let last = 0;
    for (const match of text.matchAll(linkPattern)) {
      element.append(text.slice(last, match.index));
      const link = document.createElement('a');
      link.href = match[0];
      link.textContent = match[0];
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      element.append(link);
      last = match.index + match[0].length;
    }
    element.append(text.slice(last));
  }

  function addLine(from, text) {
    if (welcome) welcome.remove();
    const line = document.createElement('div');
    line.className = 'line ' + from;
    appendText(line, text);
    conversation.append(line);
    scrollToEnd();
    return line;
  }

  function addReply(reply) {
    if (shownReplies.has(reply.id)) return;
    shownReplies.add(reply.id);
    const line = addLine('bot', reply.text);
    line.dataset.replyId = String(reply.id);
    // A chart: a data URL from our own server (the page's policy allows no other image source).
    if (reply.image && /^data:image\/png;base64,/.test(reply.image.src)) {
      const picture = document.createElement('img');
      picture.className = 'chart';
      picture.src = reply.image.src;
      picture.alt = reply.image.alt || '';
      picture.addEventListener('load', scrollToEnd);
      line.append(picture);
    }
    const buttons = reply.buttons || [];
    if (buttons.length === 0) return;
    const row = document.createElement('div');
    row.className = 'buttons';
    for (const button of buttons) {
      if (button.url && /^https?:\/\//i.test(button.url)) {
        const link = document.createElement('a');
        link.href = button.url;
        link.textContent = button.label;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        row.append(link);
      } else if (button.action) {
        const press = document.createElement('button');
        press.type = 'button';
        press.textContent = button.label;
        press.addEventListener('click', () => {
          for (const other of row.querySelectorAll('button')) other.disabled = true;
          send({ action: button.action, label: button.label }, button.label);
        });
        row.append(press);
      }
    }
    line.append(row);
    scrollToEnd();
  }

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  // Posts with the same id until the server has it (or says why not).
  async function post(message) {
    for (let attempt = 1; attempt <= 6; attempt++) {
      let response;
      try {
        response = await fetch('/chat/messages', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(message),
          credentials: 'same-origin',
        });
      } catch (error) {
        setStatus('Offline; trying again…');
        await sleep(1000 * attempt);
        continue;
      }
      if (response.ok) return null;
      if (response.status === 429 || response.status === 503) {
        const wait = Number(response.headers.get('Retry-After')) || attempt;
        setStatus('Busy; trying again in ' + wait + ' s…');
        await sleep(wait * 1000);
        continue;
      }
      const body = await response.json().catch(() => ({}));
      if (response.status === 401) location.reload();
      return body.error || 'not sent (' + response.status + ')';
    }
    return 'not sent: check your connection';
  }

  async function send(fields, shownText) {
    const line = addLine('runner', shownText);
    line.classList.add('unsent');
    const error = await post({ id: newMessageId(), ...fields });
    line.classList.remove('unsent');
    if (error) {
      line.classList.add('failed');
      setStatus(error);
    } else {
      setStatus('');
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    send({ text }, text);
  });

  // Enter sends, Shift+Enter starts a new line.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  // The browser reconnects a dropped stream by itself, sending the stream's position (the last
  // event id). A stream it gave up on (an error status from a proxy, a restart) is opened again
  // here, from the position it had reached.
  function listen(after) {
    let position = after;
    const events = new EventSource('/chat/events?after=' + encodeURIComponent(after));
    events.addEventListener('reply', (event) => {
      if (event.lastEventId) position = event.lastEventId;
      addReply(JSON.parse(event.data));
    });
    events.addEventListener('open', () => setStatus(''));
    events.addEventListener('error', () => {
      if (events.readyState === EventSource.OPEN) return;
      setStatus('Reconnecting…');
      if (events.readyState === EventSource.CLOSED) setTimeout(() => listen(position), 3000);
    });
  }

  async function start() {
    let after = 0;
    try {
      const response = await fetch('/chat/conversation', { credentials: 'same-origin' });
      if (response.ok) {
        const loaded = await response.json();
        for (const line of loaded.lines) {
          if (line.from === 'runner') {
            // The runner has written since: the questions above are answered or passed by, so
            // their buttons are shown as they were left, pressed or not, but no longer work.
            for (const stale of conversation.querySelectorAll('.line.bot .buttons button'))
              stale.disabled = true;
            addLine('runner', line.text);
          } else {
            addReply(line);
          }
        }
        after = loaded.after;
      }
    } catch (error) {
      setStatus('Could not load the conversation; new replies will still show.');
    }
    listen(after);
    input.focus();
  }

  start();
})();
