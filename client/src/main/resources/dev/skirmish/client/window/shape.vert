#version 330 core
layout(location = 0) in vec2 aPositionPixels;
layout(location = 1) in vec4 aColour;
uniform vec2 uViewportPixels;
out vec4 vColour;
void main() {
    vec2 ndc = aPositionPixels / uViewportPixels * 2.0 - 1.0;
    gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
    vColour = aColour;
}
