// Host entry for the bundle-size measurement of the comparison library.
export { default } from 'react-select';
