package dev.vigil.sensors.formats.aedat;

import dev.vigil.sensors.formats.LogFormatException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * One stream declared in the DV XML {@code infoNode} of an AEDAT 4.0 header.
 *
 * @param id             stream id used by packets
 * @param typeIdentifier flatbuffer identifier of its packets: EVTS, FRME, IMUS, TRIG, ...
 * @param sizeX          width for event and frame streams, else 0
 * @param sizeY          height for event and frame streams, else 0
 * @param source         the camera, e.g. {@code DAVIS346_00000104}
 * @param tsOffset       offset the recorder noted for timestamps, µs (informational)
 */
public record Aedat4StreamInfo(int id, String typeIdentifier, int sizeX, int sizeY, String source, long tsOffset) {

    /** Parses the {@code outInfo} node of the DV XML. External entities and DTDs are refused. */
    static List<Aedat4StreamInfo> parse(String xml, String file, long offset) throws LogFormatException {
        List<Aedat4StreamInfo> list = new ArrayList<>();
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setExpandEntityReferences(false);
            javax.xml.parsers.DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            Element root = builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
            Element outInfo = child(root, "outInfo");
            if (outInfo == null) {
                return list;
            }
            for (Node n = outInfo.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && "node".equals(e.getTagName())) {
                    Element info = child(e, "info");
                    int id = Integer.parseInt(e.getAttribute("name").trim());
                    list.add(new Aedat4StreamInfo(id, attr(e, "typeIdentifier", ""),
                            Integer.parseInt(attr(info, "sizeX", "0")), Integer.parseInt(attr(info, "sizeY", "0")),
                            attr(info, "source", ""), Long.parseLong(attr(info, "tsOffset", "0"))));
                }
            }
        } catch (Exception e) {
            throw new LogFormatException(file, offset, "IOHeader infoNode", "unreadable stream description: " + e.getMessage(), e);
        }
        return list;
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "node".equals(e.getTagName()) && name.equals(e.getAttribute("name"))) {
                return e;
            }
        }
        return null;
    }

    private static String attr(Element node, String key, String absent) {
        if (node == null) {
            return absent;
        }
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "attr".equals(e.getTagName()) && key.equals(e.getAttribute("key"))) {
                return e.getTextContent().trim();
            }
        }
        return absent;
    }
}
