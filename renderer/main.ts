// Entry of the renderer: picks the platform (desktop app or browser mode) and starts the app.
import './styles/theme.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/reader.css';
import './styles/panes.css';
import './styles/opening.css';
import './styles/find.css';
import './styles/collab.css';
import './styles/annotations.css';
import './styles/map.css';
import './styles/history.css';
import './styles/interchange.css';
import { startApp } from './app';
import { choosePlatform } from './platform';

const host = document.getElementById('app');
if (!host) throw new Error('index.html has no #app element');
startApp(host, choosePlatform(window));
