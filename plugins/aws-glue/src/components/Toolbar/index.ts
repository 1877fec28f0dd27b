export { Toolbar, ToolbarSpacer } from './Toolbar';
