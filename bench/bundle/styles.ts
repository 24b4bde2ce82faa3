// Host entry for the size of the library's stylesheet.
import '../../src/styles.css';
