//! Content as DOM nodes of the page: `createElement`, `setAttribute` and text nodes, never
//! HTML text.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

use board_core::content::Block;
use board_core::Lang;

use super::{Out, Writer};

/// The page's document, written into.
pub struct Dom(Document);

impl Out for Dom {
    type Node = Node;

    fn el(&self, parent: &Node, tag: &'static str) -> Node {
        let e = self.0.create_element(tag).expect("a known tag name");
        let _ = parent.append_child(&e);
        e.into()
    }

    fn attr(&self, el: &Node, name: &'static str, value: &str) {
        let _ = el.unchecked_ref::<Element>().set_attribute(name, value);
    }

    fn text(&self, parent: &Node, text: &str) {
        let _ = parent.append_child(&self.0.create_text_node(text));
    }
}

impl Writer<Dom> {
    pub fn new(lang: Lang) -> Option<Writer<Dom>> {
        Some(Writer::with(Dom(web_sys::window()?.document()?), lang))
    }

    /// The blocks, at the end of `parent`: written into a fragment off the page and put in at
    /// once, so the page restyles once, not once per element.
    pub fn blocks(&self, parent: &Element, blocks: &[Block]) {
        let fragment: Node = self.out.0.create_document_fragment().into();
        self.write(&fragment, blocks);
        let _ = parent.append_child(&fragment);
    }
}
