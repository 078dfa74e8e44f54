// Join screen: accepts a full join link or a bare token and opens the room page.
const form = document.getElementById('join-form');
const input = document.getElementById('join-input');
const errorBox = document.getElementById('join-error');

function tokenFrom(text) {
  const value = text.trim();
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.searchParams.get('token');
  } catch {
    // not a URL: a bare token (three base64url parts)
  }
  const match = value.match(/token=([A-Za-z0-9._-]+)/);
  if (match) return match[1];
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(value) ? value : null;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const token = tokenFrom(input.value);
  errorBox.hidden = true;
  if (!token) {
    errorBox.textContent = 'That is neither a join link nor a token. Paste the whole link you were sent.';
    errorBox.hidden = false;
    return;
  }
  let check;
  try {
    check = await fetch(`/api/whoami?token=${encodeURIComponent(token)}`);
  } catch {
    errorBox.textContent = 'The server cannot be reached. Check your connection and try again.';
    errorBox.hidden = false;
    return;
  }
  if (!check.ok) {
    const body = await check.json().catch(() => ({}));
    errorBox.textContent = body.message ? `This link does not work: ${body.message}.` : 'This link does not work.';
    errorBox.hidden = false;
    return;
  }
  location.href = `/room?token=${encodeURIComponent(token)}`;
});

const fromQuery = new URLSearchParams(location.search).get('token');
if (fromQuery) input.value = fromQuery;
