// Renderer entry: finds the element the UI mounts into (the UI itself is built in
// renderer/ by its own modules).
const root = document.getElementById('app');
if (!root) throw new Error('Crux could not start: the page has no #app element to mount into.');
