// The war room of a live stream: logs in with the merchant's API key (kept in this tab's session storage), follows
// the stream's figures as Server-Sent Events and shows them. The events are read with fetch(), not EventSource,
// because the key travels in the Authorization header, which EventSource cannot send.
'use strict';

(function () {
    const STORAGE_KEY = 'livechain.warRoom.apiKey';
    const RETRY_MS = 2000;
    const STALE_MS = 5000;
    const streamId = document.body.dataset.streamId;
    const $ = (id) => document.getElementById(id);

    let connection = null; // the AbortController of the open stream
    let retryTimer = null;
    let chart = null;
    let lastComputedAt = null;

    // ---- login ------------------------------------------------------------------------------------------------------

    $('login-form').addEventListener('submit', (event) => {
        event.preventDefault();
        const key = $('api-key').value.trim();
        if (!key) {
            return;
        }
        sessionStorage.setItem(STORAGE_KEY, key);
        $('api-key').value = '';
        $('login-error').textContent = '';
        connect();
    });

    $('logout').addEventListener('click', () => {
        sessionStorage.removeItem(STORAGE_KEY);
        disconnect();
        showLogin('');
    });

    function showLogin(message) {
        $('room').hidden = true;
        $('logout').hidden = true;
        $('login').hidden = false;
        $('login-error').textContent = message;
        setConnection('not connected');
        $('api-key').focus();
    }

    function showRoom() {
        $('login').hidden = true;
        $('room').hidden = false;
        $('logout').hidden = false;
    }

    function refuse(message) {
        sessionStorage.removeItem(STORAGE_KEY);
        showLogin(message);
    }

    // ---- the stream of figures --------------------------------------------------------------------------------------

    async function connect() {
        const key = sessionStorage.getItem(STORAGE_KEY);
        if (!key) {
            showLogin('');
            return;
        }
        disconnect();
        const controller = new AbortController();
        connection = controller;
        setConnection('connecting…');
        let response;
        try {
            response = await fetch('/api/v1/live-streams/' + encodeURIComponent(streamId) + '/war-room/events', {
                headers: {Authorization: 'Bearer ' + key, Accept: 'text/event-stream'},
                cache: 'no-store',
                signal: controller.signal,
            });
        } catch (failure) {
            return controller.signal.aborted ? undefined : retry();
        }
        if (response.status === 401) {
            return refuse('This API key is not valid (or no longer).');
        }
        if (response.status === 403) {
            return refuse('This API key is not a merchant\'s.');
        }
        if (response.status === 404) {
            return refuse('This merchant has no such live stream.');
        }
        if (!response.ok || !response.body) {
            // 429 (too many streams open), 503 (the platform is busy or its database away): try again shortly
            setConnection('waiting (' + response.status + ')');
            return retry();
        }
        showRoom();
        setConnection('live');
        try {
            await read(response.body, controller.signal);
        } catch (failure) {
            if (controller.signal.aborted) {
                return undefined;
            }
        }
        // the platform ended the stream (it does after a while) or the connection broke: go on
        if (!controller.signal.aborted) {
            retry();
        }
        return undefined;
    }

    function disconnect() {
        clearTimeout(retryTimer);
        if (connection) {
            connection.abort();
            connection = null;
        }
    }

    function retry() {
        clearTimeout(retryTimer);
        setConnection('reconnecting…');
        retryTimer = setTimeout(connect, RETRY_MS);
    }

    /** Reads text/event-stream: blocks separated by a blank line, each of field lines. */
    async function read(body, signal) {
        const reader = body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        while (!signal.aborted) {
            const {value, done} = await reader.read();
            if (done) {
                return;
            }
            buffer = (buffer + value).replace(/\r\n?/g, '\n');
            let end;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
                dispatch(buffer.slice(0, end));
                buffer = buffer.slice(end + 2);
            }
        }
    }

    function dispatch(block) {
        let name = 'message';
        const data = [];
        for (const line of block.split('\n')) {
            if (line === '' || line.startsWith(':')) {
                continue; // a comment: the platform's heartbeat
            }
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            let value = colon < 0 ? '' : line.slice(colon + 1);
            if (value.startsWith(' ')) {
                value = value.slice(1);
            }
            if (field === 'event') {
                name = value;
            } else if (field === 'data') {
                data.push(value);
            }
        }
        if (name === 'figures' && data.length > 0) {
            render(JSON.parse(data.join('\n')));
        }
    }

    // ---- the figures ------------------------------------------------------------------------------------------------

    function render(view) {
        lastComputedAt = new Date(view.computedAt);
        $('stream-title').textContent = view.title;
        const status = $('stream-status');
        status.hidden = false;
        status.textContent = view.status === 'LIVE' ? 'on air' : view.status.toLowerCase();
        status.className = 'badge ' + view.status.toLowerCase();
        $('stream-window').textContent = time(view.startsAt) + ' – ' + time(view.endsAt);
        renderOffers(view.offers);
        renderIntake(view.intake);
        renderBackorders(view.backorders);
        renderOrders(view.orders);
        showUpdated();
    }

    function renderOffers(offers) {
        const body = $('offers').tBodies[0];
        const seen = new Set();
        for (const offer of offers) {
            seen.add(offer.sku);
            let row = body.querySelector('tr[data-sku="' + CSS.escape(offer.sku) + '"]');
            if (!row) {
                row = document.createElement('tr');
                row.dataset.sku = offer.sku;
                for (const name of ['sku', 'quantity', 'admitted', 'reserved', 'backordered', 'remaining', 'sold-out']) {
                    const cell = document.createElement('td');
                    cell.className = name === 'sku' || name === 'sold-out' ? name : name + ' number';
                    row.appendChild(cell);
                }
                const bar = document.createElement('div');
                bar.className = 'bar';
                bar.appendChild(document.createElement('span'));
                row.cells[0].append(document.createElement('strong'), bar);
                body.appendChild(row);
            }
            row.cells[0].querySelector('strong').textContent = offer.sku + (offer.allowBackorder ? ' (pre-sale)' : '');
            row.cells[0].querySelector('.bar span').style.width =
                Math.min(100, offer.quantity > 0 ? (100 * offer.admitted) / offer.quantity : 0) + '%';
            row.querySelector('.quantity').textContent = number(offer.quantity);
            row.querySelector('.admitted').textContent = number(offer.admitted);
            row.querySelector('.reserved').textContent = number(offer.reserved);
            row.querySelector('.backordered').textContent = number(offer.backordered);
            row.querySelector('.remaining').textContent = number(offer.remaining);
            row.querySelector('.sold-out').textContent = offer.soldOutAt ? time(offer.soldOutAt) : '–';
            row.classList.toggle('sold-out', Boolean(offer.soldOutAt));
        }
        for (const row of [...body.rows]) {
            if (!seen.has(row.dataset.sku)) {
                row.remove();
            }
        }
    }

    function renderIntake(intake) {
        if (!window.Chart) {
            return;
        }
        const seconds = intake.seconds;
        const labels = seconds.map((second) => time(second.at));
        const series = (name) => seconds.map((second) => (second[name] === undefined ? null : second[name]));
        if (!chart) {
            window.Chart.defaults.color = '#8b949e';
            window.Chart.defaults.borderColor = '#30363d';
            chart = new window.Chart($('intake-chart'), {
                type: 'line',
                data: {
                    labels: labels,
                    datasets: [
                        dataset('placed /s', series('placed'), '#3fb950', 'orders'),
                        dataset('refused /s', series('refused'), '#d29922', 'orders'),
                        dataset('not taken /s', series('notTaken'), '#f85149', 'orders'),
                        dataset('p50 ms', series('p50Ms'), '#58a6ff', 'latency', [4, 3]),
                        dataset('p99 ms', series('p99Ms'), '#bc8cff', 'latency', [4, 3]),
                    ],
                },
                options: {
                    animation: false,
                    maintainAspectRatio: false,
                    interaction: {mode: 'index', intersect: false},
                    scales: {
                        orders: {type: 'linear', position: 'left', beginAtZero: true,
                            title: {display: true, text: 'orders per second'}},
                        latency: {type: 'linear', position: 'right', beginAtZero: true,
                            grid: {drawOnChartArea: false}, title: {display: true, text: 'answer time (ms)'}},
                        x: {ticks: {maxTicksLimit: 8}},
                    },
                    plugins: {legend: {labels: {boxWidth: 12}}},
                },
            });
            return;
        }
        chart.data.labels = labels;
        ['placed', 'refused', 'notTaken', 'p50Ms', 'p99Ms'].forEach((name, i) => {
            chart.data.datasets[i].data = series(name);
        });
        chart.update('none');
    }

    function dataset(label, data, color, axis, dash) {
        return {label, data, borderColor: color, backgroundColor: color, yAxisID: axis, borderDash: dash || [],
            pointRadius: 0, borderWidth: 2, spanGaps: false, tension: 0};
    }

    function renderBackorders(backorders) {
        const box = $('backorders');
        box.replaceChildren();
        if (backorders.length === 0) {
            const none = document.createElement('p');
            none.className = 'muted';
            none.textContent = 'No offer of this stream takes backorders.';
            box.appendChild(none);
            return;
        }
        for (const entry of backorders) {
            const item = document.createElement('div');
            item.className = 'backorder';
            item.dataset.sku = entry.sku;
            const head = document.createElement('p');
            const waiting = document.createElement('strong');
            waiting.className = 'waiting';
            waiting.textContent = number(entry.waiting);
            head.append(entry.sku + ': ', waiting, ' units waiting for stock');
            item.appendChild(head);
            if (entry.batches.length === 0) {
                const none = document.createElement('p');
                none.className = 'muted';
                none.textContent = entry.waiting > 0 ? 'no production batch yet' : 'nothing to produce';
                item.appendChild(none);
            }
            for (const batch of entry.batches) {
                const line = document.createElement('p');
                line.className = 'batch';
                const parts = ['batch ' + batch.id.slice(0, 8), batch.status.toLowerCase(),
                    number(batch.committedQuantity ?? batch.quantity) + ' units'];
                if (batch.shippedQuantity > 0) {
                    parts.push(number(batch.shippedQuantity) + ' shipped');
                }
                if (batch.expectedCompletionAt) {
                    parts.push('expected ' + dateTime(batch.expectedCompletionAt));
                }
                line.textContent = parts.join(' · ');
                item.appendChild(line);
            }
            box.appendChild(item);
        }
    }

    function renderOrders(orders) {
        for (const [status, count] of Object.entries(orders)) {
            const cell = $('orders-' + status);
            if (cell) {
                cell.textContent = number(count);
            }
        }
    }

    // ---- small things -----------------------------------------------------------------------------------------------

    function setConnection(text) {
        $('connection').textContent = text;
    }

    function showUpdated() {
        if (!lastComputedAt) {
            return;
        }
        const age = Date.now() - lastComputedAt.getTime();
        const updated = $('updated');
        updated.textContent = 'figures of ' + lastComputedAt.toLocaleTimeString([], {hour12: false});
        updated.classList.toggle('stale', age > STALE_MS);
    }

    function number(value) {
        return value === null || value === undefined ? '–' : Number(value).toLocaleString();
    }

    function time(iso) {
        return new Date(iso).toLocaleTimeString([], {hour12: false});
    }

    function dateTime(iso) {
        return new Date(iso).toLocaleString([], {hour12: false, month: 'short', day: 'numeric', hour: '2-digit',
            minute: '2-digit'});
    }

    setInterval(showUpdated, 1000);
    connect();
})();
