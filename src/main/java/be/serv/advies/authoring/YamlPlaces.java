package be.serv.advies.authoring;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value and key of a YAML text stands, by path ({@code cases/2/want/found/0}; a key is
 * its path with {@code !} after it), so a message points at the word that is wrong rather than at
 * the case it is in. The tree Jackson reads keeps no places, so the text is composed once more,
 * and only when there is a problem to place.
 */
final class YamlPlaces {
    /** Line and column, from 1, as an editor shows them. */
    record Place(int line, int column) {
    }

    private final Map<String, Place> places = new HashMap<>();

    private YamlPlaces() {
    }

    static YamlPlaces of(String text) {
        YamlPlaces p = new YamlPlaces();
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
            if (root != null) p.walk(root, "");
        } catch (RuntimeException e) {
            // Jackson read the same text; a composer that disagrees leaves the case's own line.
        }
        return p;
    }

    private void walk(Node node, String path) {
        places.put(path, place(node.getStartMark()));
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode key)) continue;
                String at = path.isEmpty() ? key.getValue() : path + "/" + key.getValue();
                places.put(at + "!", place(key.getStartMark()));
                walk(t.getValueNode(), at);
            }
        } else if (node instanceof SequenceNode s) {
            for (int i = 0; i < s.getValue().size(); i++) walk(s.getValue().get(i), path + "/" + i);
        }
    }

    private static Place place(Mark m) {
        return new Place(m.getLine() + 1, m.getColumn() + 1);
    }

    /**
     * The place of a path, or of the nearest value that holds it (a single code written without
     * brackets, {@code found: OVERSUPPLY}, is the place of {@code found/0}); null when none.
     */
    Place within(String path) {
        for (String p = path; ; p = p.substring(0, p.lastIndexOf('/'))) {
            Place at = places.get(p);
            if (at != null) return at;
            if (p.lastIndexOf('/') < 0) return null;
        }
    }
}
