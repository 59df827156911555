// Finds where each JSON pointer of a document stands in its text, so a violation's path can be
// selected in the editor. A small tolerant scanner: it stops quietly at the first syntax error.
(function (global) {
  'use strict';

  function escapeToken(token) {
    return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
  }

  function locate(text) {
    var spans = {};
    var i = 0;

    function space() {
      while (i < text.length && /\s/.test(text[i])) { i++; }
    }
    function string() {
      var start = i++;
      while (i < text.length && text[i] !== '"') { i += text[i] === '\\' ? 2 : 1; }
      i++;
      return JSON.parse(text.slice(start, i));
    }
    function value(pointer, keyStart) {
      space();
      var start = i;
      var c = text[i];
      if (c === '{') {
        i++;
        space();
        while (i < text.length && text[i] !== '}') {
          var nameStart = i;
          var name = string();
          space();
          if (text[i] !== ':') { throw new Error('expected :'); }
          i++;
          value(pointer + '/' + escapeToken(name), nameStart);
          space();
          if (text[i] === ',') { i++; space(); }
        }
        i++;
      } else if (c === '[') {
        i++;
        space();
        var index = 0;
        while (i < text.length && text[i] !== ']') {
          value(pointer + '/' + index++, null);
          space();
          if (text[i] === ',') { i++; space(); }
        }
        i++;
      } else if (c === '"') {
        string();
      } else {
        while (i < text.length && /[^,\]\}\s]/.test(text[i])) { i++; }
      }
      spans[pointer] = { start: keyStart === null ? start : keyStart, end: i };
    }

    try {
      value('', null);
    } catch (e) {
      // A partial map is still useful while the user is typing.
    }
    return spans;
  }

  // The span to select for a pointer: the member itself, or its object when it is missing.
  function spanOf(text, pointer) {
    var spans = locate(text);
    var p = pointer;
    while (!(p in spans) && p.length > 0) { p = p.slice(0, p.lastIndexOf('/')); }
    return spans[p] || null;
  }

  global.JsonPointers = { locate: locate, spanOf: spanOf };
})(window);
