import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<div>店务通</div>);
