// The live board, as a browser keeps it: one WebSocket to a board stream, reconnecting by itself with the last
// sequence number it saw (so it receives exactly what it missed), and the questions, feedback, polls and session it
// shows.

import { t } from './i18n.js';

const STORED = new Set(['contribution.created', 'contribution.updated', 'contribution.removed',
  'feedback.summary', 'session.updated', 'poll.opened', 'poll.closed', 'poll.updated', 'poll.results', 'poll.hidden',
  'poll.removed']);

/** The state of one board stream, built from its frames. */
export class BoardState {
  constructor() {
    this.seq = null;
    this.session = null;
    this.questions = new Map();
    this.feedback = null;
    this.participants = null;
    /** The public stream's current poll: { poll, results } (results null while hidden), or null. */
    this.poll = null;
    /** The moderation stream's polls by id, each { poll, results }. */
    this.polls = new Map();
  }

  /** Applies a poll frame: the current poll follows the one opened last; results reach the poll they count. */
  applyPoll(frame) {
    const { data } = frame;
    const id = frame.type === 'poll.results' ? data.pollId : data.id;
    const known = this.polls.get(id);
    const current = this.poll?.poll.id === id ? this.poll : null;
    switch (frame.type) {
      case 'poll.opened':
        this.polls.set(id, { results: null, ...known, poll: data });
        this.poll = { results: current?.results ?? null, poll: data };
        break;
      case 'poll.closed':
      case 'poll.updated':
        this.polls.set(id, { results: null, ...known, poll: data });
        if (current) current.poll = data;
        break;
      case 'poll.results':
        if (known) known.results = data;
        if (current) current.results = data;
        break;
      case 'poll.hidden':
        if (current) current.results = null;
        break;
      case 'poll.removed':
        this.polls.delete(id);
        if (current) this.poll = null;
        break;
      default:
        break;
    }
  }

  /** Applies a frame; returns false for a stored event already applied (a duplicate). */
  apply(frame) {
    if (frame.type === 'snapshot') {
      this.seq = frame.seq;
      this.session = frame.data.session;
      this.questions = new Map(frame.data.questions.map((q) => [q.id, q]));
      this.feedback = frame.data.feedback ?? this.feedback;
      this.poll = frame.data.poll ?? null;
      this.polls = new Map((frame.data.polls ?? []).map((p) => [p.poll.id, p]));
      return true;
    }
    if (STORED.has(frame.type)) {
      if (this.seq !== null && frame.seq <= this.seq) return false;
      this.seq = frame.seq;
    }
    switch (frame.type) {
      case 'contribution.created':
        this.questions.set(frame.data.id, frame.data);
        break;
      case 'contribution.updated': {
        // its vote count is as of the change; votes frames keep the current one
        const known = this.questions.get(frame.data.id);
        this.questions.set(frame.data.id, known ? { ...frame.data, votes: known.votes } : frame.data);
        break;
      }
      case 'contribution.removed':
        this.questions.delete(frame.data.id);
        break;
      case 'votes':
        for (const [id, votes] of Object.entries(frame.data)) {
          const q = this.questions.get(id);
          if (q) q.votes = votes;
        }
        break;
      case 'feedback.summary':
        this.feedback = frame.data;
        break;
      case 'participants':
        this.participants = frame.data.count;
        break;
      case 'session.updated':
        this.session = frame.data;
        break;
      default:
        if (frame.type.startsWith('poll.')) this.applyPoll(frame);
        break;
    }
    return true;
  }

  /** Questions in board order: pinned first, then by votes or newest. */
  sorted(order, filter = () => true) {
    const byNewest = (a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);
    const byVotes = (a, b) => (b.votes - a.votes) || byNewest(a, b);
    return [...this.questions.values()].filter(filter)
      .sort((a, b) => (Number(b.pinned) - Number(a.pinned)) || (order === 'votes' ? byVotes(a, b) : byNewest(a, b)));
  }
}

/**
 * Keeps a WebSocket to `path` (such as "ws/public/K7MX3QPA") open: reconnects with growing pauses after a drop,
 * resumes with ?since=<last seq>, acknowledges what it received (the server closes clients that fall too far
 * behind), pings every 20 s and reconnects when no pong comes back.
 * `onFrame(frame, state)` runs after each frame is applied; `onStatus(text, connected)` reports the connection.
 */
export function connectBoard(path, onFrame, onStatus) {
  const state = new BoardState();
  let socket = null;
  let attempt = 0;
  let heartbeat = null;
  let awaitingPong = false;
  let stopped = false;
  let received = 0;
  let acknowledged = 0;

  function url() {
    const base = new URL(path, location.href);
    base.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    if (state.seq !== null) base.searchParams.set('since', String(state.seq));
    return base.toString();
  }

  function acknowledge() {
    if (received > acknowledged && socket?.readyState === WebSocket.OPEN) {
      socket.send(`ack ${received}`);
      acknowledged = received;
    }
  }

  function open() {
    received = 0;
    acknowledged = 0;
    socket = new WebSocket(url());
    socket.addEventListener('open', () => {
      attempt = 0;
      onStatus(t('board.connection.live'), true);
      heartbeat = setInterval(() => {
        if (awaitingPong) { socket.close(4000, 'no pong'); return; }
        awaitingPong = true;
        socket.send('ping');
      }, 20000);
    });
    socket.addEventListener('message', (event) => {
      received += 1;
      if (received - acknowledged >= 8) acknowledge(); else setTimeout(acknowledge, 250);
      const message = JSON.parse(event.data);
      // several events pulled at once come as one array of frames
      for (const frame of Array.isArray(message) ? message : [message]) {
        if (frame.type === 'pong') { awaitingPong = false; continue; }
        if (state.apply(frame)) onFrame(frame, state);
      }
    });
    socket.addEventListener('close', (event) => {
      clearInterval(heartbeat);
      awaitingPong = false;
      if (stopped) return;
      if (event.code === 1008) { onStatus(t('board.connection.refused'), false); return; }
      attempt += 1;
      const pause = Math.min(30000, 500 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random() / 2);
      onStatus(t('board.connection.reconnecting'), false);
      setTimeout(open, pause);
    });
  }

  open();
  return {
    state,
    close() { stopped = true; socket?.close(1000, 'leaving'); },
  };
}
